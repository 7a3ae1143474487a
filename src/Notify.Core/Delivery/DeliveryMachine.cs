using Notify.Channels;
using Notify.Deadlines;

namespace Notify.Delivery;

/// <summary>
/// The one state machine of a confirmation. Pure: each transition takes the current state and the
/// <see cref="DeliveryContext"/> and returns the next state with the effects to run after it is saved, or null when the
/// event changes nothing (a redelivered message, a late or repeated receipt), which is what makes every handler safe to
/// run twice.
/// </summary>
public static class DeliveryMachine
{
    /// <summary>
    /// Plans the delivery over <paramref name="chain"/> (the channels that can reach the customer), starting at the
    /// first that is available, or the first of all when every one is down.
    /// </summary>
    public static Step? Plan(DeliveryState state, IReadOnlyList<string> chain, DeliveryContext context)
    {
        if (state.Chain.Count > 0 || state.IsSettled)
        {
            return null;
        }
        var planned = state with { Chain = chain };
        if (chain.Count == 0)
        {
            return Exhaust(planned, context, []);
        }
        var first = chain.FirstOrDefault(context.Available.Contains) ?? chain[0];
        return Queue(planned, first, context, [.. Skipped(chain.TakeWhile(c => c != first))]);
    }

    /// <summary>A sender claims attempt <paramref name="n"/> before talking to the provider; null if it is not its turn.</summary>
    public static Step? Claim(DeliveryState state, int n)
    {
        if (state.IsSettled || state.Current is not { Status: AttemptStatus.Queued } current || current.N != n)
        {
            return null;
        }
        return new Step(state.WithAttempt(n, a => a with { Status = AttemptStatus.Sending }), []);
    }

    /// <summary>Records what the provider said to attempt <paramref name="n"/>'s send.</summary>
    public static Step? RecordSend(DeliveryState state, int n, SendResult result, DeliveryContext context)
    {
        var attempt = state.Attempts.FirstOrDefault(a => a.N == n);
        if (attempt is null)
        {
            return null;
        }
        if (attempt.Status != AttemptStatus.Sending)
        {
            // A receipt, the sweep or the poison queue got here first: keep its verdict, add what only the send knew.
            var merged = state.WithAttempt(n, a => a with { ProviderId = a.ProviderId ?? result.ProviderId, Segments = a.Segments ?? result.Segments });
            // But a delivery the provider confirms is as good as a late delivered receipt: the attempt gave up on
            // (timed out or poisoned mid-send) confirms, and the reroute still queued must not send again.
            return result.Status == SendStatus.Delivered && state.Status != ConfirmationStatus.Confirmed
                ? Confirm(merged, attempt, n)
                : new Step(merged, []);
        }
        // Health hears a verdict: delivered or failed. An accepted SMS is judged by its receipt or its deadline, and a
        // recipient's permanent rejection says nothing about the channel.
        Effect[] health = result.Permanent || result.Status is SendStatus.Accepted or SendStatus.Unknown or SendStatus.Throttled
            ? []
            : [new ReportHealth(attempt.Channel, result.Status == SendStatus.Delivered, result.Error)];
        if (state.IsSettled)
        {
            // Another attempt confirmed (a late receipt) while this one was with its provider; that confirmation
            // already cleared this attempt's deadline. Record what the send did, but move nothing: no reroute, no
            // second confirmer, no new clock.
            var outcome = result.Status switch
            {
                SendStatus.Delivered => AttemptStatus.Delivered,
                SendStatus.Accepted => AttemptStatus.Accepted,
                SendStatus.Unknown => AttemptStatus.Unknown,
                SendStatus.Failed => AttemptStatus.Failed,
                SendStatus.Throttled => AttemptStatus.Cancelled,
            };
            return new Step(state.WithAttempt(n, a => a.StopWaiting() with
            {
                Status = outcome, ProviderId = result.ProviderId, Segments = result.Segments, Error = result.Error,
            }), health);
        }
        var old = new ClearDeadline(DeadlineKeys.Attempt(n), attempt.IndexDue!.Value);
        switch (result.Status)
        {
            case SendStatus.Delivered:
                var delivered = state.WithAttempt(n, a => a.StopWaiting() with { Status = AttemptStatus.Delivered, ProviderId = result.ProviderId });
                return new Step(delivered with { Status = ConfirmationStatus.Confirmed, ConfirmedBy = attempt.Channel }, [old, .. health, .. Rescue(delivered, attempt.Channel)]);
            case SendStatus.Accepted or SendStatus.Unknown:
                var due = DueTime.After(context.Now, context.Timings.ReceiptFor(attempt.Channel));
                var status = result.Status == SendStatus.Accepted ? AttemptStatus.Accepted : AttemptStatus.Unknown;
                // The row written when the send was queued stands unless it falls more than the send margin after the
                // receipt deadline: the send writes no deadline. A row that comes due before the deadline finds the
                // delivery confirmed (nearly always: receipts come in seconds) or is moved on by the sweep (Wake).
                var keep = attempt.IndexDue is { } indexed && indexed - due <= DeliveryTimings.SendMargin;
                var waiting = state.WithAttempt(n, a => a with
                {
                    Status = status, ProviderId = result.ProviderId, Segments = result.Segments, Error = result.Error, DeadlineAt = due, AcceptedAt = context.Now,
                    IndexedAt = keep && a.IndexDue != due ? a.IndexDue : null,
                });
                // A provider that never calls back (SOLAPI) is asked by the sweep, first at the poll deadline.
                Effect[] poll = context.Timings.PollFor(attempt.Channel) is { } every
                    ? [new ScheduleDeadline(DeadlineKeys.Poll(n), DueTime.After(context.Now, every))]
                    : [];
                Effect[] schedule = keep ? [] : [new ScheduleDeadline(DeadlineKeys.Attempt(n), due, attempt.Channel)];
                Effect[] clear = keep ? [] : [old];
                return new Step(waiting with { Status = ConfirmationStatus.Sent }, [.. schedule, .. poll, .. clear, .. health]);
            case SendStatus.Throttled:
                // Back-pressure: the same attempt goes back on its queue after the wait, with a fresh pickup deadline.
                var wait = result.RetryAfter ?? TimeSpan.FromSeconds(1);
                var again = DueTime.After(context.Now, wait + context.Timings.SendPickup);
                var requeued = state.WithAttempt(n, a => a with { Status = AttemptStatus.Queued, Error = result.Error, DeadlineAt = again, IndexedAt = null });
                return new Step(requeued, [new ScheduleDeadline(DeadlineKeys.Attempt(n), again, attempt.Channel), old, new EnqueueSend(attempt.Channel, n, wait)]);
            default:
                var failed = state.WithAttempt(n, a => a.StopWaiting() with { Status = AttemptStatus.Failed, ProviderId = result.ProviderId, Error = result.Error });
                return Reroute(failed, attempt.Channel, context, [old, .. health]);
        }
    }

    /// <summary>
    /// Applies a provider's receipt for attempt <paramref name="n"/>; statuses only move forward. A failure that is the
    /// recipient's (<paramref name="recipientProblem"/>: an unreachable handset) reroutes without counting against the channel.
    /// </summary>
    public static Step? ApplyReceipt(DeliveryState state, int n, string receipt, string? error, DeliveryContext context, bool recipientProblem = false)
    {
        var attempt = state.Attempts.FirstOrDefault(a => a.N == n);
        if (attempt is null || ReceiptRank(receipt) <= ReceiptRank(attempt.Receipt))
        {
            return null;
        }
        var recorded = state.WithAttempt(n, a => a with { Receipt = receipt, Error = error ?? a.Error });
        // A "read" (a channel that reports reading) says the message was delivered, and ranks with "delivered".
        if (receipt is "delivered" or "read")
        {
            // The channel's receipt latency, late ones included: they are what pushes an adaptive deadline back up.
            Effect[] timed = attempt.AcceptedAt is { } accepted
                ? [new ReceiptTimed(attempt.Channel, context.Now - accepted, attempt.Status == AttemptStatus.TimedOut)]
                : [];
            if (state.Status == ConfirmationStatus.Confirmed)
            {
                return new Step(recorded, timed);
            }
            var confirmed = Confirm(recorded, attempt, n);
            return confirmed with { Effects = [.. confirmed.Effects, .. timed] };
        }
        if (receipt is "undelivered" or "failed" && !state.IsSettled && state.Current?.N == n && attempt.IsWaiting)
        {
            var failed = recorded.WithAttempt(n, a => a.StopWaiting() with { Status = AttemptStatus.Failed });
            Effect[] done = recipientProblem
                ? [new ClearDeadline(DeadlineKeys.Attempt(n), attempt.IndexDue!.Value)]
                : [new ClearDeadline(DeadlineKeys.Attempt(n), attempt.IndexDue!.Value), new ReportHealth(attempt.Channel, false, error ?? receipt)];
            return Reroute(failed, attempt.Channel, context, done);
        }
        return new Step(recorded, []);
    }

    /// <summary>The sweep found attempt <paramref name="n"/> past its deadline: give up on it and move on.</summary>
    public static Step? Expire(DeliveryState state, int n, DeliveryContext context)
    {
        if (state.IsSettled || state.Current is not { IsWaiting: true } current || current.N != n || current.DeadlineAt > context.Now)
        {
            return null;
        }
        var timedOut = state.WithAttempt(n, a => a.StopWaiting() with { Status = AttemptStatus.TimedOut, Error = a.Error ?? AttemptErrors.Format(AttemptErrors.DeliveryTimedOut, $"No answer by {a.DeadlineAt:O}.") });
        var moved = Reroute(timedOut, current.Channel, context, []);
        // A send never picked up from its queue (a backlog, a lost message) never reached the provider: it says nothing
        // of the channel, and counting it would take a healthy provider down for everybody under load. The report comes
        // after the next send is queued: in an outage every expiry of a sweep contends for the one health row.
        if (current.Status == AttemptStatus.Queued)
        {
            return moved;
        }
        var report = new ReportHealth(current.Channel, false, "deadline passed");
        return moved with { Effects = moved.Effects[^1] is AlertMerchant alert ? [.. moved.Effects.SkipLast(1), report, alert] : [.. moved.Effects, report] };
    }

    /// <summary>
    /// Attempt <paramref name="n"/>'s send message was never put on its queue (the enqueue after storing failed): once
    /// its index row is due it is queued again, on the same channel, with a new pickup deadline. Null for anything else.
    /// </summary>
    public static Step? Requeue(DeliveryState state, int n, DeliveryContext context)
    {
        if (state.IsSettled || state.Current is not { Status: AttemptStatus.Queued } current || current.N != n || current.IndexDue > context.Now)
        {
            return null;
        }
        var due = DueTime.After(context.Now, context.Timings.SendPickup);
        return new Step(state.WithAttempt(n, a => a with { DeadlineAt = due, IndexedAt = null }),
            [new ScheduleDeadline(DeadlineKeys.Attempt(n), due, current.Channel), new EnqueueSend(current.Channel, n)]);
    }

    /// <summary>
    /// The sweep's index row for attempt <paramref name="n"/> came due: past its deadline the attempt is given up
    /// (<see cref="Expire"/>); still waiting with its deadline ahead (a send still on its queue when the row, set for
    /// its receipt, came due), the row moves to that deadline. Null otherwise (a row left from an earlier step).
    /// </summary>
    public static Step? Wake(DeliveryState state, int n, DeliveryContext context)
    {
        if (Expire(state, n, context) is { } expired)
        {
            return expired;
        }
        if (state.IsSettled || state.Current is not { IsWaiting: true, DeadlineAt: { } deadline, IndexedAt: { } indexed } current
            || current.N != n || indexed > context.Now)
        {
            return null;
        }
        return new Step(state.WithAttempt(n, a => a with { IndexedAt = null }), [new ScheduleDeadline(DeadlineKeys.Attempt(n), deadline, current.Channel)]);
    }

    /// <summary>
    /// <paramref name="channel"/> is down for everybody: attempt <paramref name="n"/>, accepted on it before
    /// <paramref name="acceptedBefore"/> (the first probe could go out) and still waiting for its receipt, is given up
    /// now rather than at its own deadline, and the delivery moves on. Null for anything else.
    /// </summary>
    public static Step? ChannelDown(DeliveryState state, int n, string channel, DateTimeOffset acceptedBefore, DeliveryContext context)
    {
        if (state.IsSettled
            || state.Current is not { Status: AttemptStatus.Accepted or AttemptStatus.Unknown, AcceptedAt: { } accepted, IndexDue: { } indexed } current
            || current.N != n || current.Channel != channel || accepted >= acceptedBefore)
        {
            return null;
        }
        var gaveUp = state.WithAttempt(n, a => a.StopWaiting() with
        {
            Status = AttemptStatus.TimedOut,
            Error = a.Error ?? AttemptErrors.Format(AttemptErrors.DeliveryChannelDown, $"{channel} went down for everybody while this message waited for its receipt."),
        });
        // No health report: the sweep counts all it gave up in the outage with one write (ChannelHealth.RecordGaveUpAsync),
        // where one report each would have every reroute contend for the same row.
        return Reroute(gaveUp, channel, context, [new ClearDeadline(DeadlineKeys.Attempt(n), indexed)]);
    }

    /// <summary>Attempt <paramref name="n"/>'s send message was poisoned (its handler kept failing): a failed attempt.</summary>
    public static Step? Poison(DeliveryState state, int n, DeliveryContext context)
    {
        if (state.IsSettled || state.Current is not { Status: AttemptStatus.Queued or AttemptStatus.Sending } current || current.N != n)
        {
            return null;
        }
        var failed = state.WithAttempt(n, a => a.StopWaiting() with { Status = AttemptStatus.Failed, Error = AttemptErrors.Format(AttemptErrors.DeliveryPoisoned, "The send kept failing and was moved to the poison queue.") });
        return Reroute(failed, current.Channel, context, [new ClearDeadline(DeadlineKeys.Attempt(n), current.IndexDue!.Value)]);
    }

    /// <summary>
    /// The customer was erased: an open delivery stops, every waiting attempt is cancelled with its deadline gone, and
    /// nothing more is sent. A settled delivery is left as it is. (Its indexed deadlines stay; the sweep finds it settled.)
    /// </summary>
    public static Step? Cancel(DeliveryState state, string reason)
    {
        if (state.IsSettled)
        {
            return null;
        }
        var cancelled = state with
        {
            Status = ConfirmationStatus.Cancelled,
            Attempts = state.Attempts.Select(a => a.IsWaiting ? a.StopWaiting() with { Status = AttemptStatus.Cancelled, Error = reason } : a).ToList(),
        };
        return new Step(cancelled, []);
    }

    /// <summary>
    /// One sender claims the merchant alert of an exhausted delivery before sending it: a pending alert, or one whose
    /// claim was abandoned (its sender crashed before recording the outcome). Null when there is nothing to tell (a
    /// late receipt confirmed the delivery) or another sender holds a live claim.
    /// </summary>
    public static Step? ClaimAlert(DeliveryState state, DeliveryContext context)
    {
        var claimable = state.Alert switch
        {
            AlertStatus.Pending => true,
            AlertStatus.Sending => state.AlertDueAt <= context.Now,
            AlertStatus.Sent or AlertStatus.Undeliverable or null => false,
        };
        if (!claimable || state.Status != ConfirmationStatus.Exhausted)
        {
            return null;
        }
        var due = DueTime.After(context.Now, context.Timings.SendPickup);
        Effect[] clearOld = state.AlertDueAt is { } old ? [new ClearDeadline(DeadlineKeys.Alert, old)] : [];
        return new Step(state with { Alert = AlertStatus.Sending, AlertDueAt = due },
            [new ScheduleDeadline(DeadlineKeys.Alert, due), .. clearOld, new SendAlert()]);
    }

    /// <summary>Records how the claimed merchant alert went; null when it is not (or no longer) claimed.</summary>
    public static Step? RecordAlert(DeliveryState state, bool sent)
    {
        if (state.Alert != AlertStatus.Sending)
        {
            return null;
        }
        Effect[] clear = state.AlertDueAt is { } due ? [new ClearDeadline(DeadlineKeys.Alert, due)] : [];
        return new Step(state with { Alert = sent ? AlertStatus.Sent : AlertStatus.Undeliverable, AlertDueAt = null }, clear);
    }

    // Confirmed by this attempt's channel, even after a reroute: cancel what is still queued, stop every clock.
    private static Step Confirm(DeliveryState recorded, Attempt attempt, int n)
    {
        var clears = recorded.Attempts.Where(a => a.IsWaiting && a.IndexDue is not null)
            .Select(a => (Effect)new ClearDeadline(DeadlineKeys.Attempt(a.N), a.IndexDue!.Value)).ToList();
        var confirmed = recorded with
        {
            Status = ConfirmationStatus.Confirmed,
            ConfirmedBy = attempt.Channel,
            Attempts = recorded.Attempts.Select(a =>
                a.N == n ? a.StopWaiting() with { Status = AttemptStatus.Delivered }
                : a.Status == AttemptStatus.Queued ? a.StopWaiting() with { Status = AttemptStatus.Cancelled }
                : a).ToList(),
        };
        return new Step(confirmed, [.. clears, new ReportHealth(attempt.Channel, true, null), .. Rescue(confirmed, attempt.Channel)]);
    }

    // Moves on from `from` to the next channel in the chain that is available; none left means exhausted.
    private static Step Reroute(DeliveryState state, string from, DeliveryContext context, IReadOnlyList<Effect> done)
    {
        var rest = state.Chain.SkipWhile(c => c != from).Skip(1).ToList();
        var next = rest.FirstOrDefault(context.Available.Contains) ?? rest.FirstOrDefault(c => !state.Attempts.Any(a => a.Channel == c));
        return next is null
            ? Exhaust(state, context, [.. done, .. Skipped(rest)])
            : Queue(state, next, context, [.. done, .. Skipped(rest.TakeWhile(c => c != next))]);
    }

    private static IEnumerable<Effect> Skipped(IEnumerable<string> channels) => channels.Select(c => new SkippedChannel(c));

    // The channels before the confirming one that did not confirm: failed, timed out, or skipped while down.
    private static IEnumerable<Effect> Rescue(DeliveryState state, string by)
    {
        var passedOver = state.Chain.TakeWhile(c => c != by)
            .Where(c => !state.Attempts.Any(a => a.Channel == c && a.Status == AttemptStatus.Delivered)).ToList();
        return passedOver.Count > 0 ? [new Rescued(passedOver, by)] : [];
    }

    // The send's one index row is written now, where its receipt deadline will most likely fall (DeliveryTimings.WakeFor).
    private static Step Queue(DeliveryState state, string channel, DeliveryContext context, IReadOnlyList<Effect> done)
    {
        var n = state.Attempts.Count + 1;
        var due = DueTime.After(context.Now, context.Timings.SendPickup);
        var wake = DueTime.After(context.Now, context.Timings.WakeFor(channel));
        var next = state with
        {
            Status = ConfirmationStatus.Pending,
            Attempts = [.. state.Attempts, new Attempt(n, channel, AttemptStatus.Queued, context.Now, due, IndexedAt: wake < due ? wake : null)],
        };
        return new Step(next, [new ScheduleDeadline(DeadlineKeys.Attempt(n), wake, channel), .. done, new EnqueueSend(channel, n)]);
    }

    // The alert deadline is due at once: if the alert started right after this save never runs, the next sweep sends it.
    private static Step Exhaust(DeliveryState state, DeliveryContext context, IReadOnlyList<Effect> done) =>
        new(state with { Status = ConfirmationStatus.Exhausted, Alert = AlertStatus.Pending, AlertDueAt = context.Now },
            [new ScheduleDeadline(DeadlineKeys.Alert, context.Now), .. done, new AlertMerchant()]);

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
