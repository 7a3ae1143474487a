using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Notify.Channels;
using Notify.Delivery;
using Notify.Telemetry;
using static Notify.Core.Tests.Delivery.Deliveries;

namespace Notify.Core.Tests.Telemetry;

/// <summary>Each saved transition moves the delivery metrics by what changed in it, and by nothing when replayed.</summary>
public sealed class DeliveryTelemetryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly DeliveryTelemetry _telemetry;

    public DeliveryTelemetryTests() => _telemetry = new DeliveryTelemetry(new NotifyMetrics(Meters));

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Sms_failure_then_email_counts_two_outcomes_one_reroute_and_one_confirmation()
    {
        using var attempts = new MetricCollector<long>(Meters, NotifyTelemetry.Name, "notify.delivery.attempts");
        using var reroutes = new MetricCollector<long>(Meters, NotifyTelemetry.Name, "notify.delivery.reroutes");
        using var settled = new MetricCollector<long>(Meters, NotifyTelemetry.Name, "notify.deliveries.settled");
        using var confirmTime = new MetricCollector<double>(Meters, NotifyTelemetry.Name, "notify.delivery.time_to_confirm");
        var clock = NewClock();
        var accepted = clock.GetUtcNow();
        var planned = Planned(clock);
        var claimed = Claimed(planned);
        Saved(DeliveryState.Unplanned, planned, accepted, clock.GetUtcNow());
        Saved(planned, claimed, accepted, clock.GetUtcNow());

        var failed = DeliveryMachine.RecordSend(claimed, 1,
            new SendResult(SendStatus.Failed, Error: AttemptErrors.Format("sms.provider_error", "Twilio failed.")), new(clock.GetUtcNow(), Timings, All)).Must().State;
        Saved(claimed, failed, accepted, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(42));
        var confirmed = Send(failed, clock, SendStatus.Delivered).State;
        Saved(Claimed(failed), confirmed, accepted, clock.GetUtcNow());
        Saved(confirmed, confirmed, accepted, clock.GetUtcNow());

        Assert.Equal(["email:delivered", "sms:failed"], attempts.GetMeasurementSnapshot().Select(m => $"{m.Tags[NotifyTelemetry.ChannelTag]}:{m.Tags["outcome"]}").Order());
        var reroute = Assert.Single(reroutes.GetMeasurementSnapshot());
        Assert.Equal(("sms", "sms.provider_error"), (reroute.Tags[NotifyTelemetry.ChannelTag], reroute.Tags["cause"]));
        var done = Assert.Single(settled.GetMeasurementSnapshot());
        Assert.Equal(("confirmed", "email"), (done.Tags["outcome"], done.Tags[NotifyTelemetry.ChannelTag]));
        Assert.Equal(42, Assert.Single(confirmTime.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void Exhaustion_settles_once_with_no_channel()
    {
        using var settled = new MetricCollector<long>(Meters, NotifyTelemetry.Name, "notify.deliveries.settled");
        var clock = NewClock();
        var state = Planned(clock, [ChannelNames.Sms]);
        var exhausted = Send(state, clock, SendStatus.Failed).State;

        Saved(Claimed(state), exhausted, clock.GetUtcNow(), clock.GetUtcNow());

        var done = Assert.Single(settled.GetMeasurementSnapshot());
        Assert.Equal(("exhausted", "none"), (done.Tags["outcome"], done.Tags[NotifyTelemetry.ChannelTag]));
    }

    [Fact]
    public void A_sweep_that_moves_a_delivery_links_its_span_to_the_order_trace()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NotifyTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string orderTrace;
        using (NotifyTelemetry.StartForOrder("intake", "m_1", "o1"))
        {
            orderTrace = TraceContext.Current().Parent!;
        }
        var clock = NewClock();
        var planned = Planned(clock);

        using var sweep = NotifyTelemetry.StartForOrder("sweep attempt-1", "m_1", "o1");
        _telemetry.Saved("m_1", "o1", planned, planned, clock.GetUtcNow(), clock.GetUtcNow(), orderTrace);
        _telemetry.Saved("m_1", "o1", planned, planned, clock.GetUtcNow(), clock.GetUtcNow(), orderTrace);

        Assert.NotEqual(ActivityTraceId.CreateFromString(orderTrace.AsSpan(3, 32)), sweep!.TraceId);
        Assert.Equal(orderTrace.Substring(3, 32), Assert.Single(sweep.Links).Context.TraceId.ToHexString());
    }

    private void Saved(DeliveryState before, DeliveryState after, DateTimeOffset acceptedAt, DateTimeOffset now) =>
        _telemetry.Saved("m_1", "o1", before, after, acceptedAt, now);
}
