using System.Diagnostics.Metrics;

namespace Notify.Telemetry;

/// <summary>
/// Notify's instruments, on the one meter named <see cref="NotifyTelemetry.Name"/>. Tags are low-cardinality: a reason,
/// a channel, an outcome; never a merchant, order or customer id.
/// </summary>
public sealed class NotifyMetrics
{
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _settled;
    private readonly Counter<long> _reroutes;
    private readonly Histogram<double> _timeToConfirm;
    private readonly Histogram<double> _sweepDuration;
    private readonly Counter<long> _sweepRows;

    /// <summary>Creates the instruments on the meter <paramref name="meters"/> gives for <see cref="NotifyTelemetry.Name"/>.</summary>
    public NotifyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(NotifyTelemetry.Name);
        _accepted = meter.CreateCounter<long>("notify.orders.accepted", "{order}", "Orders stored and answered 202.");
        _refused = meter.CreateCounter<long>("notify.orders.refused", "{order}", "Orders refused, by reason (the problem type).");
        _attempts = meter.CreateCounter<long>("notify.delivery.attempts", "{attempt}",
            "Attempts reaching an outcome, by channel and outcome (accepted, unknown, delivered, failed, timed-out, cancelled).");
        _settled = meter.CreateCounter<long>("notify.deliveries.settled", "{delivery}",
            "Deliveries settled, by outcome (confirmed, exhausted, cancelled) and confirming channel.");
        _reroutes = meter.CreateCounter<long>("notify.delivery.reroutes", "{reroute}", "Moves to the next channel, by the channel left and the cause (an error code or timed-out).");
        _timeToConfirm = meter.CreateHistogram<double>("notify.delivery.time_to_confirm", "s", "From acceptance to confirmation, by confirming channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });
        _sweepDuration = meter.CreateHistogram<double>("notify.sweep.duration", "s", "How long one stall sweep took.");
        _sweepRows = meter.CreateCounter<long>("notify.sweep.rows_read", "{row}", "Deadline rows the stall sweep read.");
    }

    /// <summary>An order was accepted.</summary>
    public void OrderAccepted() => _accepted.Add(1);

    /// <summary>An order was refused for <paramref name="reason"/>.</summary>
    public void OrderRefused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>An attempt on <paramref name="channel"/> reached <paramref name="outcome"/>.</summary>
    public void Attempt(string channel, string outcome) =>
        _attempts.Add(1, new(NotifyTelemetry.ChannelTag, channel), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A delivery settled with <paramref name="outcome"/>, confirmed by <paramref name="channel"/> if confirmed.</summary>
    public void Settled(string outcome, string? channel) =>
        _settled.Add(1, new("outcome", outcome), new KeyValuePair<string, object?>(NotifyTelemetry.ChannelTag, channel ?? "none"));

    /// <summary>A delivery left <paramref name="channel"/> because of <paramref name="cause"/>.</summary>
    public void Reroute(string channel, string cause) =>
        _reroutes.Add(1, new(NotifyTelemetry.ChannelTag, channel), new KeyValuePair<string, object?>("cause", cause));

    /// <summary>A delivery was confirmed by <paramref name="channel"/> <paramref name="after"/> its acceptance.</summary>
    public void Confirmed(string channel, TimeSpan after) =>
        _timeToConfirm.Record(Math.Max(0, after.TotalSeconds), new KeyValuePair<string, object?>(NotifyTelemetry.ChannelTag, channel));

    /// <summary>A sweep read <paramref name="rows"/> deadline rows in <paramref name="took"/>.</summary>
    public void Swept(TimeSpan took, int rows)
    {
        _sweepDuration.Record(took.TotalSeconds);
        _sweepRows.Add(rows);
    }
}
