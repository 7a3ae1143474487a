using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Channels.Health;
using Notify.Common;
using Notify.Configuration;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.FanOut;
using Notify.Orders;
using Notify.Receipts;
using Notify.Storage;
using Notify.Telemetry;

namespace Notify.Sweep;

/// <summary>
/// Finds what stalled: orders never fanned out, attempts past their deadline (a send never picked up, an SMS accepted
/// but never delivered), alerts not sent. It reads only due deadlines, claims each under its ETag so overlapping
/// sweeps never act twice, and moves each delivery on through the same pipeline as everything else. It also asks SOLAPI
/// for the AlimTalk results that are due (<see cref="KakaoResultService"/>): SOLAPI does not call back. And when a
/// channel is down for everybody, it moves on at once every delivery still waiting for a receipt from that channel.
/// </summary>
public sealed class StallSweep(
    DeadlineIndex deadlines, DeliveryPipeline pipeline, FanOutService fanOut, KakaoResultService kakaoResults, ChannelHealth health,
    IOptions<NotifyOptions> options, TimeProvider clock, NotifyMetrics metrics, OperationalGauges gauges, ILogger<StallSweep> logger)
{
    // Long enough to handle one item, short enough that a crashed sweep's claims come back soon.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Handles every deadline due now.</summary>
    public async Task<SweepReport> RunAsync(CancellationToken ct)
    {
        using var span = NotifyTelemetry.Source.StartActivity("sweep");
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var due = new List<DeadlineEntity>();
        await foreach (var deadline in deadlines.DueAsync(now, ct))
        {
            due.Add(deadline);
        }
        int claimed = 0, rerouted = 0, fannedOut = 0, alerted = 0, polled = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (deadline, token) =>
        {
            if (deadline.ClaimedUntil > now || await deadlines.TryClaimAsync(deadline, now + Lease, token) is not { } mine)
            {
                return;
            }
            Interlocked.Increment(ref claimed);
            switch (await HandleAsync(mine, token))
            {
                case Outcome.Rerouted: Interlocked.Increment(ref rerouted); break;
                case Outcome.FannedOut: Interlocked.Increment(ref fannedOut); break;
                case Outcome.Alerted: Interlocked.Increment(ref alerted); break;
                case Outcome.Polled: Interlocked.Increment(ref polled); break;
                case Outcome.Nothing: break;
            }
            await deadlines.RemoveAsync(mine, token);
        });
        var fromDown = await RerouteFromDownChannelsAsync(now, ct);
        var report = new SweepReport(due.Count, claimed, rerouted, fannedOut, alerted, polled, fromDown);
        metrics.Swept(clock.GetElapsedTime(started), due.Count);
        span?.SetTag("notify.sweep.due", due.Count);
        await RefreshGaugesAsync(ct);
        if (claimed + fromDown > 0)
        {
            logger.LogInformation("Sweep: {Report}", report);
        }
        return report;
    }

    // A channel down for everybody will not deliver what it accepted before it went down, or the receipts would have
    // kept it up: those deliveries move on now instead of each at its own deadline (up to a receipt timeout away).
    // Probes are accepted after the cool-down, so they are left to their own deadlines. Costs nothing while every
    // channel is up; while one is down, one query over the minutes a receipt wait can reach.
    private async Task<int> RerouteFromDownChannelsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var moved = 0;
        try
        {
            var timings = DeliveryTimings.From(options.Value);
            foreach (var (channel, row) in await health.ReadAsync(ct))
            {
                if (row.Status == ChannelState.Up || row.OutageStart is not { } start)
                {
                    continue;
                }
                var acceptedBefore = start + options.Value.ChannelCooldown;
                var waiting = deadlines.WaitingOnAsync(channel, now, now + timings.UpperReceiptFor(channel), ct);
                var before = moved;
                await Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (deadline, token) =>
                {
                    if (DeadlineKeys.AttemptOf(deadline.Kind) is not { } n)
                    {
                        return;
                    }
                    using var span = NotifyTelemetry.StartForOrder("sweep channel-down", deadline.MerchantId, deadline.OrderId);
                    Transition down = (context, _, state) => DeliveryMachine.ChannelDown(state, n, channel, acceptedBefore, context);
                    if (await pipeline.RunAsync(deadline.MerchantId, deadline.OrderId, down, token) is not null)
                    {
                        Interlocked.Increment(ref moved);
                    }
                });
                await health.RecordGaveUpAsync(channel, moved - before, ct);
            }
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex) && !ct.IsCancellationRequested)
        {
            // The waits stand: each is still moved on at its own deadline.
            logger.LogWarning(ex, "Sweep: deliveries waiting on a channel that is down not moved on yet");
        }
        return moved;
    }

    private async Task RefreshGaugesAsync(CancellationToken ct)
    {
        try
        {
            await gauges.RefreshAsync(ct);
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex) && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Sweep: channel and queue gauges not refreshed");
        }
    }

    private async Task<Outcome> HandleAsync(DeadlineEntity deadline, CancellationToken ct)
    {
        // In the sweep's trace; DeliveryTelemetry links it to the order's own when it moves the delivery.
        using var span = NotifyTelemetry.StartForOrder("sweep " + deadline.Kind, deadline.MerchantId, deadline.OrderId);
        if (deadline.Kind == DeadlineKeys.FanOut)
        {
            return await fanOut.PlanAsync(deadline.MerchantId, deadline.OrderId, ct) is not null ? Outcome.FannedOut : Outcome.Nothing;
        }
        if (DeadlineKeys.PollOf(deadline.Kind) is { } polled)
        {
            return await kakaoResults.PollAsync(deadline.MerchantId, deadline.OrderId, polled, ct) ? Outcome.Polled : Outcome.Nothing;
        }
        if (deadline.Kind == DeadlineKeys.Alert)
        {
            return await pipeline.RunAsync(deadline.MerchantId, deadline.OrderId, (context, _, state) => DeliveryMachine.ClaimAlert(state, context), ct) is null
                ? Outcome.Nothing
                : Outcome.Alerted;
        }
        if (DeadlineKeys.AttemptOf(deadline.Kind) is not { } n)
        {
            return Outcome.Nothing;
        }
        // An order whose first send intake could not enqueue is sent again on its channel, not given up on it.
        var outcome = Outcome.Nothing;
        var saved = await pipeline.RunAsync(deadline.MerchantId, deadline.OrderId, (context, order, state) =>
        {
            var again = order.FanOut == FanOutStatus.EnqueueFailed.Stored() ? DeliveryMachine.Requeue(state, n, context) : null;
            var step = again ?? DeliveryMachine.Wake(state, n, context);
            outcome = again is not null ? Outcome.FannedOut
                : step?.State.Attempts.FirstOrDefault(a => a.N == n) is { IsWaiting: true } ? Outcome.Nothing // the row moved to the deadline
                : Outcome.Rerouted;
            return step;
        }, ct);
        return saved is null ? Outcome.Nothing : outcome;
    }

    private enum Outcome { Nothing, Rerouted, FannedOut, Alerted, Polled }
}
