using System.Text;
using Microsoft.Extensions.Time.Testing;
using Notify.Channels;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;
using Notify.Deadlines;

namespace Notify.Core.Tests.Delivery;

/// <summary>
/// Whole runs of random events against one delivery, as the queues, the providers and the sweep would produce them:
/// redelivered send messages, a provider call apart from the recording of its answer (so receipts, reordered and
/// duplicated, can arrive before the send is recorded), senders that crash, expiries and poisonings at random times,
/// flapping channel health, and the merchant alert claimed by the pipeline and the sweep. Each claim sends once, each
/// exhaustion alerts once, and a message the customer got confirms the delivery and stops every further send.
/// Mutations it catches (scripts/mutate.sh): re-claiming a <c>sending</c> attempt, ignoring receipts while sending,
/// never retaking an alert left <c>sending</c>.
/// </summary>
public sealed class DeliveryMachinePropertyTests
{
    private static readonly string[][] Chains = [[Sms, Email, Webhook], [Sms, Email], [Email, Webhook], [Sms], [Webhook, Sms, Email]];
    private static readonly string[] ReceiptStatuses = ["queued", "sending", "sent"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_runs_keep_the_delivery_invariants(int seed)
    {
        for (var run = 0; run < 200; run++)
        {
            RunOnce(seed * 1000 + run);
        }
    }

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    private static void RunOnce(int seed)
    {
        var random = new Random(seed);
        var clock = NewClock();
        var log = new StringBuilder();
        var chain = Chains[random.Next(Chains.Length)];
        var state = DeliveryState.Unplanned;

        var enqueued = new HashSet<int>();
        var queue = new List<int>();                      // send messages on the channel queues (may be redelivered)
        var claimed = new List<int>();                    // senders that hold a claim and have not called their provider yet
        var called = new List<(int N, SendStatus Status)>(); // senders that called their provider and have not recorded it
        var receipts = new List<(int N, string Status)>(); // receipts the provider will post, in any order, maybe twice
        var held = new HashSet<int>();                    // attempts a sender claimed (and did not hand back after a 429)
        var deliveredBySomeone = false;                   // a provider said delivered (by a send result or a receipt)
        var exhaustions = 0;                              // AlertMerchant effects
        var alertsSent = 0;                               // alerts that reached the merchant

        IReadOnlySet<string> Health() => random.Next(4) == 0 ? new HashSet<string>(chain.Where(_ => random.Next(2) == 0)) : All;
        DeliveryContext Context() => new(clock.GetUtcNow(), Timings, Health());

        void Apply(string what, Step? step)
        {
            log.AppendLine($"{clock.GetUtcNow():HH:mm:ss} {what} -> {(step is null ? "null" : $"{step.State.Status} alert={step.State.Alert} [{string.Join(", ", step.State.Attempts.Select(a => $"{a.N}:{a.Channel}:{a.Status}"))}] {string.Join(", ", step.Effects)}")}");
            if (step is null)
            {
                return;
            }
            var before = state;
            var sends = step.Effects.OfType<EnqueueSend>().ToList();
            Check(before.Status != ConfirmationStatus.Confirmed || step.State.Status == ConfirmationStatus.Confirmed, "confirmed went back", seed, log);
            Check(before.Status != ConfirmationStatus.Confirmed || before.ConfirmedBy == step.State.ConfirmedBy, "ConfirmedBy changed", seed, log);
            Check(before.Status != ConfirmationStatus.Confirmed || sends.Count == 0, "EnqueueSend after confirmed", seed, log);
            Check(!deliveredBySomeone || sends.Count == 0, "EnqueueSend after a provider confirmed delivery", seed, log);
            Check(step.State.Attempts.Select(a => a.N).SequenceEqual(Enumerable.Range(1, step.State.Attempts.Count)), "attempts not 1..n", seed, log);
            Check(step.State.Attempts.Take(before.Attempts.Count).Select(a => (a.N, a.Channel)).SequenceEqual(before.Attempts.Select(a => (a.N, a.Channel))), "attempts rewritten", seed, log);
            foreach (var send in sends)
            {
                // The one allowed repeat: a provider's 429 hands the attempt it never took back to its queue, after a wait.
                var requeue = send.Delay is not null && before.Attempts.Any(a => a.N == send.Attempt && a.Status == AttemptStatus.Sending);
                Check(enqueued.Add(send.Attempt) || requeue, $"second EnqueueSend for attempt {send.Attempt}", seed, log);
                var attempt = step.State.Attempts.SingleOrDefault(a => a.N == send.Attempt);
                Check(attempt is { Status: AttemptStatus.Queued } && attempt.Channel == send.Channel, "EnqueueSend without its queued attempt", seed, log);
                var schedule = step.Effects.ToList().FindIndex(e => e == new ScheduleDeadline(DeadlineKeys.Attempt(send.Attempt), attempt!.IndexDue!.Value, send.Channel));
                Check(schedule >= 0 && schedule < step.Effects.ToList().IndexOf(send), "deadline not scheduled before the send", seed, log);
                queue.Add(send.Attempt);
            }
            Check(step.State.Status != ConfirmationStatus.Confirmed || step.State.Attempts.Count(a => a.Status == AttemptStatus.Queued) == 0, "queued attempt left in a confirmed delivery", seed, log);
            exhaustions += step.Effects.OfType<AlertMerchant>().Count();
            Check(exhaustions <= 1, "a second exhaustion", seed, log);
            state = step.State;
        }

        // The alert runs as the pipeline runs it: claim (saved under the ETag, so two claimers take turns), send, record.
        // A sender may crash after its claim, before it sends: the sweep takes the alert again once the claim is due.
        void RunAlert(string who, bool crash)
        {
            var claim = DeliveryMachine.ClaimAlert(state, Context());
            Apply($"{who} claims the alert", claim);
            if (claim is null)
            {
                return;
            }
            Check(claim.Effects.OfType<SendAlert>().Count() == 1, "an alert claim that sends nothing", seed, log);
            if (crash)
            {
                log.AppendLine("  the alert sender crashes before sending");
                return;
            }
            var reached = random.Next(4) != 0;
            alertsSent += reached ? 1 : 0;
            Check(alertsSent <= 1, "a second alert for one exhaustion", seed, log);
            Apply($"record alert {(reached ? "sent" : "undeliverable")}", DeliveryMachine.RecordAlert(state, reached).Must());
        }

        Apply("plan", DeliveryMachine.Plan(state, chain, Context()));

        for (var i = 0; i < 60; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 3) == 0 ? random.Next(60, 3000) : random.Next(0, 30)));
            var n = state.Attempts.Count == 0 ? 1 : random.Next(1, state.Attempts.Count + 1);
            switch (random.Next(11))
            {
                case 0 or 1 when queue.Count > 0:
                {
                    // A send message is picked up; a third of the time it stays on the queue to be delivered again.
                    var message = queue[random.Next(queue.Count)];
                    if (random.Next(3) != 0)
                    {
                        queue.Remove(message);
                    }
                    var claim = DeliveryMachine.Claim(state, message);
                    if (claim is not null)
                    {
                        // One send per claim: nobody else holds this attempt, and it was never sent before.
                        Check(held.Add(message), $"attempt {message} claimed while another sender holds it (a second send)", seed, log);
                        claimed.Add(message);
                    }
                    Apply($"claim {message}", claim);
                    break;
                }
                case 2 when claimed.Count > 0:
                {
                    // The sender talks to the provider. A message that may exist gets its receipts now: Twilio can post
                    // them before the sender has recorded its answer.
                    var sender = claimed[random.Next(claimed.Count)];
                    claimed.Remove(sender);
                    var status = (SendStatus)random.Next(Enum.GetValues<SendStatus>().Length);
                    log.AppendLine($"  provider answers attempt {sender}: {status}");
                    if (status is SendStatus.Accepted or SendStatus.Unknown)
                    {
                        var terminal = random.Next(3) switch { 0 => "delivered", 1 => "undelivered", _ => "failed" };
                        foreach (var r in ReceiptStatuses.Where(_ => random.Next(2) == 0).Append(terminal))
                        {
                            receipts.Add((sender, r));
                            if (random.Next(3) == 0)
                            {
                                receipts.Add((sender, r));
                            }
                        }
                    }
                    called.Add((sender, status));
                    break;
                }
                case 3 when called.Count > 0:
                {
                    // The sender records the provider's answer, unless it crashes first (the sweep then has the attempt).
                    var (sent, status) = called[random.Next(called.Count)];
                    called.Remove((sent, status));
                    if (random.Next(8) == 0)
                    {
                        log.AppendLine($"  sender of attempt {sent} crashes before recording {status}");
                        break;
                    }
                    if (status == SendStatus.Delivered)
                    {
                        deliveredBySomeone = true;
                    }
                    var step = DeliveryMachine.RecordSend(state, sent, new SendResult(status, $"p{sent}", Segments: 1), Context());
                    if (status == SendStatus.Throttled && step?.Effects.OfType<EnqueueSend>().Any(s => s.Attempt == sent) == true)
                    {
                        held.Remove(sent); // the provider never took it: the attempt is queued again for one more claim
                    }
                    Apply($"record send {sent} {status}", step);
                    break;
                }
                case 4 or 5 when receipts.Count > 0:
                {
                    var (rn, r) = receipts[random.Next(receipts.Count)];
                    receipts.Remove((rn, r));
                    if (r == "delivered")
                    {
                        deliveredBySomeone = true; // the customer has it, whatever the machine makes of the receipt
                    }
                    Apply($"receipt {rn} {r}", DeliveryMachine.ApplyReceipt(state, rn, r, r == "delivered" ? null : "3000" + random.Next(9), Context()));
                    break;
                }
                case 6:
                {
                    var before = state;
                    var now = clock.GetUtcNow();
                    var step = DeliveryMachine.Expire(state, n, Context());
                    if (step is not null)
                    {
                        var expired = before.Attempts.Single(a => a.N == n);
                        Check(expired.DeadlineAt <= now && before.Current!.N == n && !before.IsSettled, "expired early or not current", seed, log);
                    }
                    Apply($"expire {n}", step);
                    break;
                }
                case 7 when random.Next(3) == 0:
                    Apply($"poison {n}", DeliveryMachine.Poison(state, n, Context()));
                    break;
                case 8 when random.Next(4) == 0:
                    Apply("plan again", DeliveryMachine.Plan(state, chain, Context()));
                    break;
                case 9 or 10 when state.Alert is not null:
                    // The pipeline right after the exhaustion, or the sweep at the alert's deadline, or both at once.
                    RunAlert(random.Next(2) == 0 ? "pipeline" : "sweep", crash: random.Next(5) == 0);
                    break;
            }
        }

        // Then everything left settles: receipts arrive, the sweep runs until nothing is due.
        foreach (var (rn, r) in receipts.ToList())
        {
            if (r == "delivered")
            {
                deliveredBySomeone = true;
            }
            Apply($"late receipt {rn} {r}", DeliveryMachine.ApplyReceipt(state, rn, r, null, Context()));
        }
        for (var round = 0; round < 3 && state.Alert is AlertStatus.Pending or AlertStatus.Sending; round++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            RunAlert("final sweep", crash: false);
        }

        Check(state.Attempts.Count <= chain.Length, "more attempts than channels", seed, log);
        Check(state.Attempts.Select(a => a.Channel).Distinct().Count() == state.Attempts.Count, "a channel tried twice", seed, log);
        Check(!deliveredBySomeone || state.Status == ConfirmationStatus.Confirmed, "a delivered message left the delivery unconfirmed", seed, log);
        Check(state.Status != ConfirmationStatus.Exhausted || exhaustions == 1, "exhausted without one AlertMerchant", seed, log);
        Check(state.Status != ConfirmationStatus.Exhausted || state.Alert is AlertStatus.Sent or AlertStatus.Undeliverable, "an exhaustion whose alert never went", seed, log);
        Check(state.Alert != AlertStatus.Sent || alertsSent == 1, "alert marked sent without one alert", seed, log);
    }

    private static void Check(bool ok, string invariant, int seed, StringBuilder log)
    {
        if (!ok)
        {
            Assert.Fail($"Invariant broken: {invariant} (seed {seed}).\n{log}");
        }
    }
}
