using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Channels.Health;
using Notify.Configuration;
using Notify.Delivery;
using Notify.Orders;

namespace Notify.Sweep;

/// <summary>
/// Finds what stalled: orders never fanned out, attempts past their deadline (a send never picked up, an SMS accepted
/// but never delivered), alerts not sent. It reads only due deadlines, claims each under its ETag so overlapping
/// sweeps never act twice, and moves each delivery on through the same state machine as everything else.
/// </summary>
public sealed class StallSweep(
    DeadlineIndex deadlines, DeliveryRunner runner, FanOutService fanOut, DeliveryEffects effects, ChannelHealth health,
    IOptions<NotifyOptions> options, TimeProvider clock, ILogger<StallSweep> logger)
{
    // Long enough to handle one item, short enough that a crashed sweep's claims come back soon.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Handles every deadline due now.</summary>
    public async Task<SweepReport> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = new List<DeadlineEntity>();
        await foreach (var deadline in deadlines.DueAsync(now, ct))
        {
            due.Add(deadline);
        }
        int claimed = 0, rerouted = 0, fannedOut = 0, alerted = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (deadline, token) =>
        {
            if (deadline.ClaimedUntil > now || await deadlines.TryClaimAsync(deadline, now + Lease, token) is not { } mine)
            {
                return;
            }
            Interlocked.Increment(ref claimed);
            var outcome = await HandleAsync(mine, now, token);
            if (outcome == Outcome.Rerouted) Interlocked.Increment(ref rerouted);
            if (outcome == Outcome.FannedOut) Interlocked.Increment(ref fannedOut);
            if (outcome == Outcome.Alerted) Interlocked.Increment(ref alerted);
            await deadlines.RemoveAsync(mine, token);
        });
        var report = new SweepReport(due.Count, claimed, rerouted, fannedOut, alerted);
        if (claimed > 0)
        {
            logger.LogInformation("Sweep: {Report}", report);
        }
        return report;
    }

    private async Task<Outcome> HandleAsync(DeadlineEntity deadline, DateTimeOffset now, CancellationToken ct)
    {
        if (deadline.Kind == DeadlineKeys.FanOut)
        {
            return await fanOut.PlanAsync(deadline.MerchantId, deadline.OrderId, ct) is not null ? Outcome.FannedOut : Outcome.Nothing;
        }
        if (DeadlineKeys.AttemptOf(deadline.Kind) is { } n)
        {
            var available = await health.AvailableAsync(ct);
            var timings = DeliveryTimings.From(options.Value);
            var step = await runner.ApplyAsync(deadline.MerchantId, deadline.OrderId, (_, state) =>
                DeliveryMachine.Expire(state, n, now, timings, available), ct);
            return step is null ? Outcome.Nothing : Outcome.Rerouted;
        }
        if (deadline.Kind == DeadlineKeys.Alert && await runner.ReadAsync(deadline.MerchantId, deadline.OrderId, ct) is { } order
            && order.Alert == AlertStates.Pending)
        {
            await effects.AlertAsync(deadline.MerchantId, order, ct);
            return Outcome.Alerted;
        }
        return Outcome.Nothing;
    }

    private enum Outcome { Nothing, Rerouted, FannedOut, Alerted }
}
