using Microsoft.Azure.Functions.Worker;
using Notify.Retention;

namespace Notify.Triggers.Retention;

/// <summary>Erases contact details past each merchant's retention, on the <c>Notify__RetentionSchedule</c> schedule.</summary>
public sealed class RetentionSweepFunction(Notify.Retention.RetentionSweep sweep)
{
    /// <summary>One run; overlapping runs are safe (an erased order is skipped).</summary>
    [Function(nameof(RetentionSweep))]
    public Task RetentionSweep([TimerTrigger("%Notify:RetentionSchedule%")] TimerInfo timer, CancellationToken ct) => sweep.RunAsync(ct);
}
