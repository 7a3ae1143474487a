using System.Diagnostics;
using Notify.Common;
using Notify.Delivery;
using Notify.FanOut;
using Notify.Telemetry;

namespace Notify.Core.Tests.Telemetry;

/// <summary>W3C trace context rides inside queue messages, so one order is one trace across the queues.</summary>
public sealed class TraceContextTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == NotifyTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public TraceContextTests() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void Messages_written_before_trace_context_still_parse()
    {
        var send = Json.Deserialize<SendMessage>("""{"merchantId":"m_1","orderId":"o1","attempt":2}""");
        var fanOut = Json.Deserialize<FanOutMessage>("""{"merchantId":"m_1","orderId":"o1"}""");

        Assert.Equal(new SendMessage("m_1", "o1", 2), send);
        Assert.Null(send.Traceparent);
        Assert.Null(fanOut.Traceparent);
    }

    [Fact]
    public void A_message_without_trace_context_is_written_as_before()
    {
        Assert.Equal("""{"merchantId":"m_1","orderId":"o1","attempt":2}""", Json.Serialize(new SendMessage("m_1", "o1", 2)));
    }

    [Fact]
    public void A_message_enqueued_under_a_span_is_handled_as_its_child()
    {
        FanOutMessage message;
        ActivityContext intake;
        using (var span = NotifyTelemetry.StartForOrder("intake", "m_1", "o1"))
        {
            intake = span!.Context;
            var (parent, state) = TraceContext.Current();
            message = Json.Deserialize<FanOutMessage>(Json.Serialize(new FanOutMessage("m_1", "o1") { Traceparent = parent, Tracestate = state }));
        }

        using var invocation = new Activity("host invocation").Start();
        using var fanOut = NotifyTelemetry.StartFromMessage("fan-out", message, "m_1", "o1");

        Assert.Equal(intake.TraceId, fanOut!.TraceId);
        Assert.Equal(intake.SpanId, fanOut.ParentSpanId);
        Assert.Equal(invocation.TraceId, Assert.Single(fanOut.Links).Context.TraceId);
        Assert.Equal("o1", fanOut.GetTagItem(NotifyTelemetry.OrderTag));
    }

    [Fact]
    public void A_send_enqueued_from_another_trace_carries_the_order_trace()
    {
        string stored;
        using (var intake = NotifyTelemetry.StartForOrder("intake", "m_1", "o1"))
        {
            stored = TraceContext.Current().Parent!;
        }

        using var sweep = NotifyTelemetry.Source.StartActivity("sweep");
        Assert.Equal((stored, null), TraceContext.ForOrder(stored));
        Assert.Equal(sweep!.Id, TraceContext.ForOrder(null).Parent);
    }

    [Fact]
    public void A_malformed_traceparent_starts_under_the_current_span()
    {
        using var current = NotifyTelemetry.Source.StartActivity("current");

        using var span = NotifyTelemetry.StartFromMessage("send sms", new SendMessage("m_1", "o1", 1) { Traceparent = "00-not-a-trace" }, "m_1", "o1");

        Assert.Equal(current!.TraceId, span!.TraceId);
    }
}
