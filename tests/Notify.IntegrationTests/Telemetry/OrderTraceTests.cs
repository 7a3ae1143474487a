using System.Diagnostics;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;
using Notify.Telemetry;

namespace Notify.IntegrationTests.Telemetry;

/// <summary>One order's journey as an operator sees it: one trace across the queues, and metrics that move by exactly it.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OrderTraceTests(TelemetryApp app)
{
    [Fact]
    public async Task Sms_503_then_email_is_one_trace_and_moves_each_metric_once()
    {
        using var accepted = app.Collect<long>("notify.orders.accepted");
        using var refused = app.Collect<long>("notify.orders.refused");
        using var attempts = app.Collect<long>("notify.delivery.attempts");
        using var reroutes = app.Collect<long>("notify.delivery.reroutes");
        using var settled = app.Collect<long>("notify.deliveries.settled");
        using var timeToConfirm = app.Collect<double>("notify.delivery.time_to_confirm");
        var merchant = await MerchantClient.CreateAsync(app);
        var order = NewCustomerOrder(app, out var phone);
        await app.Sandbox.SetModeAsync("fail", phone, status: 503);

        var orderId = await merchant.PostOrderAsync(order);
        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("sms", "failed"), ("email", "delivered")], OrderSteps.Attempts(confirmation));

        var spans = await Eventually.MatchAsync(() => Task.FromResult(OrderSpans(orderId)), s => s.Any(a => a.DisplayName == "send email"),
            what: "the e-mail send's span");
        var intake = Assert.Single(spans, s => s.DisplayName == "intake");
        foreach (var name in new[] { "fan-out", "send sms", "send email", "confirm" })
        {
            var span = Assert.Single(spans, s => s.DisplayName == name);
            Assert.True(span.TraceId == intake.TraceId, $"{name} is in trace {span.TraceId}, intake in {intake.TraceId}");
        }
        var sms = spans.Single(s => s.DisplayName == "send sms");
        Assert.Contains(app.Spans.Snapshot(), s => s.Kind == ActivityKind.Client && s.ParentSpanId == sms.SpanId);
        Assert.Equal("email", spans.Single(s => s.DisplayName == "confirm").GetTagItem(NotifyTelemetry.ChannelTag));

        await Eventually.MatchAsync(() => Task.FromResult(settled.GetMeasurementSnapshot().Count), n => n >= 1, what: "the settlement metric");
        Assert.Equal(1, accepted.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Empty(refused.GetMeasurementSnapshot());
        Assert.Equal(["email:delivered", "sms:failed"],
            attempts.GetMeasurementSnapshot().Select(m => $"{m.Tags[NotifyTelemetry.ChannelTag]}:{m.Tags["outcome"]}").Order());
        Assert.Equal("sms", Assert.Single(reroutes.GetMeasurementSnapshot()).Tags[NotifyTelemetry.ChannelTag]);
        var done = Assert.Single(settled.GetMeasurementSnapshot());
        Assert.Equal(("confirmed", "email"), (done.Tags["outcome"], done.Tags[NotifyTelemetry.ChannelTag]));
        Assert.Equal("email", Assert.Single(timeToConfirm.GetMeasurementSnapshot()).Tags[NotifyTelemetry.ChannelTag]);
    }

    [Fact]
    public async Task A_refused_order_counts_by_its_reason()
    {
        using var refused = app.Collect<long>("notify.orders.refused");
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await merchant.With(webhookSecret: "whsec_" + Convert.ToBase64String(new byte[32])).PostAsync(MerchantClient.SampleOrder());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", Assert.Single(refused.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task A_sweep_reports_its_duration_the_rows_it_read_channel_state_and_queue_backlog()
    {
        using var rows = app.Collect<long>("notify.sweep.rows_read");
        using var took = app.Collect<double>("notify.sweep.duration");
        using var up = app.Collect<int>("notify.channel.up");
        using var backlog = app.Collect<int>("notify.queue.backlog");
        using var oldest = app.Collect<double>("notify.queue.oldest_age");

        var report = await app.Sweep();
        up.RecordObservableInstruments();
        backlog.RecordObservableInstruments();
        oldest.RecordObservableInstruments();

        Assert.Equal(report.Read, Assert.Single(rows.GetMeasurementSnapshot()).Value);
        Assert.Single(took.GetMeasurementSnapshot());
        Assert.Equal(["email", "kakao", "sms"], up.GetMeasurementSnapshot().Select(m => (string)m.Tags[NotifyTelemetry.ChannelTag]!).Order());
        Assert.Contains(backlog.GetMeasurementSnapshot(), m => (string?)m.Tags["queue"] == "notify-send-sms");
        Assert.All(oldest.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));
    }

    /// <summary>A sample order for a customer whose name, phone, e-mail and note appear nowhere else.</summary>
    internal static JsonObject NewCustomerOrder(TelemetryApp app, out string phone, bool withEmail = true)
    {
        phone = OrderSteps.NewPhone();
        var email = withEmail ? OrderSteps.NewEmail() : null;
        var order = OrderSteps.ForCustomer(phone, email);
        var name = "고객" + Random.Shared.Next(100000, 999999);
        var note = "벨 누르지 마세요 " + Random.Shared.Next(100000, 999999);
        order["customer"]!["name"] = name;
        order["note"] = note;
        foreach (var value in new[] { name, phone, phone[^8..], email, note })
        {
            if (value is not null)
            {
                app.PersonalData.Add(value);
            }
        }
        return order;
    }

    private List<Activity> OrderSpans(string orderId) =>
        app.Spans.Snapshot().Where(s => s.GetTagItem(NotifyTelemetry.OrderTag) as string == orderId).ToList();
}
