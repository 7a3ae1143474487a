using System.Text;
using Microsoft.Extensions.Time.Testing;
using Notify.Channels;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;
using Notify.Deadlines;

namespace Notify.Core.Tests.Delivery;

/// <summary>
/// Whole runs of random events against one delivery, as the queues and the sweep would produce them: redelivered
/// send messages, reordered and duplicated receipts, expiries and poisonings at random times, flapping channel health.
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
        var inFlight = new List<int>();                   // claimed, with their provider
        var receipts = new List<(int N, string Status)>(); // receipts the provider will post, in any order, maybe twice
        var deliveredBySomeone = false;                   // a provider said delivered (by a send result or a receipt)

        IReadOnlySet<string> Health() => random.Next(4) == 0 ? new HashSet<string>(chain.Where(_ => random.Next(2) == 0)) : All;

        void Apply(string what, Step? step)
        {
            log.AppendLine($"{clock.GetUtcNow():HH:mm:ss} {what} -> {(step is null ? "null" : $"{step.State.Status} [{string.Join(", ", step.State.Attempts.Select(a => $"{a.N}:{a.Channel}:{a.Status}"))}] {string.Join(", ", step.Effects)}")}");
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
                var schedule = step.Effects.ToList().FindIndex(e => e == new ScheduleDeadline(DeadlineKeys.Attempt(send.Attempt), attempt!.DeadlineAt!.Value));
                Check(schedule >= 0 && schedule < step.Effects.ToList().IndexOf(send), "deadline not scheduled before the send", seed, log);
                queue.Add(send.Attempt);
            }
            Check(step.State.Status != ConfirmationStatus.Confirmed || step.State.Attempts.Count(a => a.Status == AttemptStatus.Queued) == 0, "queued attempt left in a confirmed delivery", seed, log);
            state = step.State;
        }

        Apply("plan", DeliveryMachine.Plan(state, chain, new DeliveryContext(clock.GetUtcNow(), Timings, Health())));

        for (var i = 0; i < 40; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 3) == 0 ? random.Next(60, 3000) : random.Next(0, 30)));
            var now = clock.GetUtcNow();
            var n = state.Attempts.Count == 0 ? 1 : random.Next(1, state.Attempts.Count + 1);
            switch (random.Next(7))
            {
                case 0 or 1 when queue.Count > 0:
                {
                    var message = queue[random.Next(queue.Count)];
                    if (random.Next(3) != 0)
                    {
                        queue.Remove(message); // otherwise it stays to be redelivered
                    }
                    var claimed = DeliveryMachine.Claim(state, message);
                    Apply($"claim {message}", claimed);
                    if (claimed is not null)
                    {
                        inFlight.Add(message);
                    }
                    break;
                }
                case 2 when inFlight.Count > 0:
                {
                    var sent = inFlight[random.Next(inFlight.Count)];
                    inFlight.Remove(sent);
                    var status = (SendStatus)random.Next(Enum.GetValues<SendStatus>().Length);
                    if (status == SendStatus.Delivered)
                    {
                        deliveredBySomeone = true;
                    }
                    if (status is SendStatus.Accepted or SendStatus.Unknown)
                    {
                        var terminal = random.Next(3) switch { 0 => "delivered", 1 => "undelivered", _ => "failed" };
                        foreach (var r in ReceiptStatuses.Where(_ => random.Next(2) == 0).Append(terminal))
                        {
                            receipts.Add((sent, r));
                            if (random.Next(3) == 0)
                            {
                                receipts.Add((sent, r));
                            }
                        }
                    }
                    Apply($"send {sent} {status}", DeliveryMachine.RecordSend(state, sent, new SendResult(status, $"p{sent}", Segments: 1), new DeliveryContext(now, Timings, Health())));
                    break;
                }
                case 3 when receipts.Count > 0:
                {
                    var (rn, r) = receipts[random.Next(receipts.Count)];
                    receipts.Remove((rn, r));
                    var step = DeliveryMachine.ApplyReceipt(state, rn, r, r == "delivered" ? null : "3000" + random.Next(9), new DeliveryContext(now, Timings, Health()));
                    if (r == "delivered" && step is not null)
                    {
                        deliveredBySomeone = true;
                    }
                    Apply($"receipt {rn} {r}", step);
                    break;
                }
                case 4:
                {
                    var before = state;
                    var step = DeliveryMachine.Expire(state, n, new DeliveryContext(now, Timings, Health()));
                    if (step is not null)
                    {
                        var expired = before.Attempts.Single(a => a.N == n);
                        Check(expired.DeadlineAt <= now && before.Current!.N == n && !before.IsSettled, "expired early or not current", seed, log);
                    }
                    Apply($"expire {n}", step);
                    break;
                }
                case 5 when random.Next(3) == 0:
                    Apply($"poison {n}", DeliveryMachine.Poison(state, n, new DeliveryContext(now, Timings, Health())));
                    break;
                case 6 when random.Next(4) == 0:
                    Apply("plan again", DeliveryMachine.Plan(state, chain, new DeliveryContext(now, Timings, Health())));
                    break;
            }
        }
        Check(state.Attempts.Count <= chain.Length, "more attempts than channels", seed, log);
        Check(state.Attempts.Select(a => a.Channel).Distinct().Count() == state.Attempts.Count, "a channel tried twice", seed, log);
    }

    private static void Check(bool ok, string invariant, int seed, StringBuilder log)
    {
        if (!ok)
        {
            Assert.Fail($"Invariant broken: {invariant} (seed {seed}).\n{log}");
        }
    }
}
