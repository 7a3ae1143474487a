using Notify.Orders;

namespace Notify.Delivery;

/// <summary>
/// The one state machine of a confirmation. Pure: each transition takes the current state and the time and returns
/// the next state with the effects to run after it is saved, or null when the event changes nothing (a redelivered
/// message, a late or repeated receipt), which is what makes every handler safe to run twice.
/// </summary>
public static class DeliveryMachine
{
    /// <summary>
    /// Plans the delivery over <paramref name="chain"/> (the channels that can reach the customer), starting at the
    /// first that is <paramref name="available"/>, or the first of all when every one is down.
    /// </summary>
    public static Step? Plan(DeliveryState state, IReadOnlyList<string> chain, DateTimeOffset now, DeliveryTimings timings, IReadOnlySet<string> available)
    {
        if (state.Chain.Count > 0 || state.IsSettled)
        {
            return null;
        }
        var planned = state with { Chain = chain };
        if (chain.Count == 0)
        {
            return Exhaust(planned, now, []);
        }
        var first = chain.FirstOrDefault(available.Contains) ?? chain[0];
        return Queue(planned, first, now, timings, [.. Skipped(chain.TakeWhile(c => c != first))]);
    }

    /// <summary>A sender claims attempt <paramref name="n"/> before talking to the provider; null if it is not its turn.</summary>
    public static Step? Claim(DeliveryState state, int n)
    {
        if (state.IsSettled || state.Current is not { Status: AttemptStates.Queued } current || current.N != n)
        {
            return null;
        }
        return new Step(state.WithAttempt(n, a => a with { Status = AttemptStates.Sending }), []);
    }

    /// <summary>Records what the provider said to attempt <paramref name="n"/>'s send.</summary>
    public static Step? RecordSend(DeliveryState state, int n, Channels.SendResult result, DateTimeOffset now, DeliveryTimings timings, IReadOnlySet<string> available)
    {
        var attempt = state.Attempts.FirstOrDefault(a => a.N == n);
        if (attempt is null)
        {
            return null;
        }
        if (attempt.Status != AttemptStates.Sending)
        {
            // A receipt, the sweep or the poison queue got here first: keep its verdict, add what only the send knew.
            var merged = state.WithAttempt(n, a => a with { ProviderId = a.ProviderId ?? result.ProviderId, Segments = a.Segments ?? result.Segments });
            // But a delivery the provider confirms is as good as a late delivered receipt: the attempt gave up on
            // (timed out or poisoned mid-send) confirms, and the reroute still queued must not send again.
            return result.Status == Channels.SendStatus.Delivered && state.Status != ConfirmationStates.Confirmed
                ? Confirm(merged, attempt, n)
                : new Step(merged, []);
        }
        // Health hears a verdict: delivered or failed. An accepted SMS is judged by its receipt or its deadline, and a
        // recipient's permanent rejection says nothing about the channel.
        Effect[] health = result.Permanent || result.Status is Channels.SendStatus.Accepted or Channels.SendStatus.Unknown
            ? []
            : [new ReportHealth(attempt.Channel, result.Status == Channels.SendStatus.Delivered, result.Error)];
        if (state.IsSettled)
        {
            // Another attempt confirmed (a late receipt) while this one was with its provider; that confirmation
            // already cleared this attempt's deadline. Record what the send did, but move nothing: no reroute, no
            // second confirmer, no new clock.
            var outcome = result.Status switch
            {
                Channels.SendStatus.Delivered => AttemptStates.Delivered,
                Channels.SendStatus.Accepted => AttemptStates.Accepted,
                Channels.SendStatus.Unknown => AttemptStates.Unknown,
                _ => AttemptStates.Failed,
            };
            return new Step(state.WithAttempt(n, a => a with
            {
                Status = outcome, ProviderId = result.ProviderId, Segments = result.Segments, Error = result.Error, DeadlineAt = null,
            }), health);
        }
        var old = new ClearDeadline(DeadlineKeys.Attempt(n), attempt.DeadlineAt!.Value);
        switch (result.Status)
        {
            case Channels.SendStatus.Delivered:
                var delivered = state.WithAttempt(n, a => a with { Status = AttemptStates.Delivered, ProviderId = result.ProviderId, DeadlineAt = null });
                return new Step(delivered with { Status = ConfirmationStates.Confirmed, ConfirmedBy = attempt.Channel }, [old, .. health, .. Rescue(delivered, attempt.Channel)]);
            case Channels.SendStatus.Accepted or Channels.SendStatus.Unknown:
                var due = DeliveryTimings.Due(now, timings.ReceiptFor(attempt.Channel));
                var status = result.Status == Channels.SendStatus.Accepted ? AttemptStates.Accepted : AttemptStates.Unknown;
                var waiting = state.WithAttempt(n, a => a with
                {
                    Status = status, ProviderId = result.ProviderId, Segments = result.Segments, Error = result.Error, DeadlineAt = due,
                });
                return new Step(waiting with { Status = ConfirmationStates.Sent }, [new ScheduleDeadline(DeadlineKeys.Attempt(n), due), old, .. health]);
            default:
                var failed = state.WithAttempt(n, a => a with { Status = AttemptStates.Failed, ProviderId = result.ProviderId, Error = result.Error, DeadlineAt = null });
                return Advance(failed, attempt.Channel, now, timings, available, [old, .. health]);
        }
    }

    /// <summary>
    /// Applies a provider's receipt for attempt <paramref name="n"/>; statuses only move forward. A failure that is the
    /// recipient's (<paramref name="recipientProblem"/>: an unreachable handset) reroutes without counting against the channel.
    /// </summary>
    public static Step? ApplyReceipt(
        DeliveryState state, int n, string receipt, string? error, DateTimeOffset now, DeliveryTimings timings, IReadOnlySet<string> available,
        bool recipientProblem = false)
    {
        var attempt = state.Attempts.FirstOrDefault(a => a.N == n);
        if (attempt is null || ReceiptRank(receipt) <= ReceiptRank(attempt.Receipt))
        {
            return null;
        }
        var recorded = state.WithAttempt(n, a => a with { Receipt = receipt, Error = error ?? a.Error });
        if (receipt == "delivered")
        {
            if (state.Status == ConfirmationStates.Confirmed)
            {
                return new Step(recorded, []);
            }
            return Confirm(recorded, attempt, n);
        }
        if (receipt is "undelivered" or "failed" && !state.IsSettled && state.Current?.N == n && attempt.IsWaiting)
        {
            var failed = recorded.WithAttempt(n, a => a with { Status = AttemptStates.Failed, DeadlineAt = null });
            Effect[] done = recipientProblem
                ? [new ClearDeadline(DeadlineKeys.Attempt(n), attempt.DeadlineAt!.Value)]
                : [new ClearDeadline(DeadlineKeys.Attempt(n), attempt.DeadlineAt!.Value), new ReportHealth(attempt.Channel, false, error ?? receipt)];
            return Advance(failed, attempt.Channel, now, timings, available, done);
        }
        return new Step(recorded, []);
    }

    /// <summary>The sweep found attempt <paramref name="n"/> past its deadline: give up on it and move on.</summary>
    public static Step? Expire(DeliveryState state, int n, DateTimeOffset now, DeliveryTimings timings, IReadOnlySet<string> available)
    {
        if (state.IsSettled || state.Current is not { IsWaiting: true } current || current.N != n || current.DeadlineAt > now)
        {
            return null;
        }
        var timedOut = state.WithAttempt(n, a => a with { Status = AttemptStates.TimedOut, Error = a.Error ?? Channels.AttemptErrors.Format(Channels.AttemptErrors.DeliveryTimedOut, $"No answer by {a.DeadlineAt:O}."), DeadlineAt = null });
        return Advance(timedOut, current.Channel, now, timings, available, [new ReportHealth(current.Channel, false, "deadline passed")]);
    }

    /// <summary>Attempt <paramref name="n"/>'s send message was poisoned (its handler kept failing): a failed attempt.</summary>
    public static Step? Poison(DeliveryState state, int n, DateTimeOffset now, DeliveryTimings timings, IReadOnlySet<string> available)
    {
        if (state.IsSettled || state.Current is not { Status: AttemptStates.Queued or AttemptStates.Sending } current || current.N != n)
        {
            return null;
        }
        var failed = state.WithAttempt(n, a => a with { Status = AttemptStates.Failed, Error = Channels.AttemptErrors.Format(Channels.AttemptErrors.DeliveryPoisoned, "The send kept failing and was moved to the poison queue."), DeadlineAt = null });
        return Advance(failed, current.Channel, now, timings, available, [new ClearDeadline(DeadlineKeys.Attempt(n), current.DeadlineAt!.Value)]);
    }

    // Confirmed by attempt n's channel, even after a reroute: cancel what is still queued, stop every clock.
    // Confirmed by this attempt's channel, even after a reroute: cancel what is still queued, stop every clock.
    private static Step Confirm(DeliveryState recorded, Attempt attempt, int n)
    {
        var clears = recorded.Attempts.Where(a => a.IsWaiting && a.DeadlineAt is not null)
            .Select(a => (Effect)new ClearDeadline(DeadlineKeys.Attempt(a.N), a.DeadlineAt!.Value)).ToList();
        var confirmed = recorded with
        {
            Status = ConfirmationStates.Confirmed,
            ConfirmedBy = attempt.Channel,
            Attempts = recorded.Attempts.Select(a =>
                a.N == n ? a with { Status = AttemptStates.Delivered, DeadlineAt = null }
                : a.Status == AttemptStates.Queued ? a with { Status = AttemptStates.Cancelled, DeadlineAt = null }
                : a).ToList(),
        };
        return new Step(confirmed, [.. clears, new ReportHealth(attempt.Channel, true, null), .. Rescue(confirmed, attempt.Channel)]);
    }

    // The next channel after `from` in the chain that is available; none left means exhausted.
    private static Step Advance(DeliveryState state, string from, DateTimeOffset now, DeliveryTimings timings, IReadOnlySet<string> available, IReadOnlyList<Effect> done)
    {
        var rest = state.Chain.SkipWhile(c => c != from).Skip(1).ToList();
        var next = rest.FirstOrDefault(available.Contains) ?? rest.FirstOrDefault(c => !state.Attempts.Any(a => a.Channel == c));
        return next is null
            ? Exhaust(state, now, [.. done, .. Skipped(rest)])
            : Queue(state, next, now, timings, [.. done, .. Skipped(rest.TakeWhile(c => c != next))]);
    }

    private static IEnumerable<Effect> Skipped(IEnumerable<string> channels) => channels.Select(c => new SkippedChannel(c));

    // The channels before the confirming one that did not confirm: failed, timed out, or skipped while down.
    private static IEnumerable<Effect> Rescue(DeliveryState state, string by)
    {
        var passedOver = state.Chain.TakeWhile(c => c != by)
            .Where(c => !state.Attempts.Any(a => a.Channel == c && a.Status == AttemptStates.Delivered)).ToList();
        return passedOver.Count > 0 ? [new Rescued(passedOver, by)] : [];
    }

    private static Step Queue(DeliveryState state, string channel, DateTimeOffset now, DeliveryTimings timings, IReadOnlyList<Effect> done)
    {
        var n = state.Attempts.Count + 1;
        var due = DeliveryTimings.Due(now, timings.SendPickup);
        var next = state with
        {
            Status = ConfirmationStates.Pending,
            Attempts = [.. state.Attempts, new Attempt(n, channel, AttemptStates.Queued, now, due)],
        };
        return new Step(next, [new ScheduleDeadline(DeadlineKeys.Attempt(n), due), .. done, new EnqueueSend(channel, n)]);
    }

    private static Step Exhaust(DeliveryState state, DateTimeOffset now, IReadOnlyList<Effect> done) =>
        new(state with { Status = ConfirmationStates.Exhausted, Alert = AlertStates.Pending },
            [new ScheduleDeadline(DeadlineKeys.Alert, now), .. done, new AlertMerchant()]);

    private static int ReceiptRank(string? receipt) => receipt switch
    {
        null => 0,
        "accepted" or "queued" or "scheduled" => 1,
        "sending" => 2,
        "sent" => 3,
        "delivered" or "undelivered" or "failed" or "read" => 4,
        _ => 0,
    };
}
