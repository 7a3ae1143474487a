using Microsoft.Azure.Functions.Worker;
using Notify.Sweep;

namespace Notify.Triggers.Sweep;

/// <summary>Finds deliveries that stalled and moves them on, on the <c>Notify__SweepSchedule</c> schedule.</summary>
public sealed class StallSweepFunction(Notify.Sweep.StallSweep sweep)
{
    /// <summary>One sweep; overlapping sweeps are safe (each deadline is claimed under its ETag).</summary>
    [Function(nameof(StallSweep))]
    public Task StallSweep([TimerTrigger("%Notify:SweepSchedule%")] TimerInfo timer, CancellationToken ct) => sweep.RunAsync(ct);
}
