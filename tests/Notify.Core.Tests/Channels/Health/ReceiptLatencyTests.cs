using Microsoft.Extensions.Time.Testing;
using Notify.Channels.Health;

namespace Notify.Core.Tests.Channels.Health;

public sealed class ReceiptLatencyTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Upper = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static int[] Counts(params (TimeSpan Latency, int Times)[] receipts)
    {
        var counts = new int[ReceiptLatency.Buckets];
        foreach (var (latency, times) in receipts)
        {
            counts[ReceiptLatency.BucketOf(latency)] += times;
        }
        return counts;
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Too_few_receipts_wait_the_whole_setting()
    {
        var h = ReceiptLatency.Add(ReceiptHistogram.Empty(Now), Counts((S(2), ReceiptLatency.MinSamples - 1)), Now);

        Assert.Null(ReceiptLatency.Learned(h, Now));
        Assert.Equal(Upper, ReceiptLatency.Deadline(h, Now, Floor, Upper));
        Assert.Equal(Upper, ReceiptLatency.Deadline(null, Now, Floor, Upper));
    }

    [Fact]
    public void Waits_a_multiple_of_the_learned_p99_rounded_up_to_its_bucket()
    {
        // 99 receipts within 3 s and one at 25 s: p99 is the 99th, in 3 s's bucket; 1.5 × that bucket's edge.
        var h = ReceiptLatency.Add(ReceiptHistogram.Empty(Now), Counts((S(3), 98), (S(18), 1), (S(25), 1)), Now);

        var learned = ReceiptLatency.Learned(h, Now);

        Assert.Equal(ReceiptLatency.Edge(ReceiptLatency.BucketOf(S(18))), learned);
        Assert.InRange(learned!.Value, S(18), S(18 * 1.25));
        var wait = ReceiptLatency.Deadline(h, Now, Floor, Upper);
        Assert.InRange((wait - learned.Value * ReceiptLatency.Multiple).TotalMilliseconds, 0, 1);
    }

    [Fact]
    public void The_wait_never_leaves_the_floor_and_the_setting()
    {
        var fast = ReceiptLatency.Add(ReceiptHistogram.Empty(Now), Counts((S(0.2), 100)), Now);
        var slow = ReceiptLatency.Add(ReceiptHistogram.Empty(Now), Counts((TimeSpan.FromMinutes(10), 100)), Now);

        Assert.Equal(Floor, ReceiptLatency.Deadline(fast, Now, Floor, Upper));
        Assert.Equal(Upper, ReceiptLatency.Deadline(slow, Now, Floor, Upper));
        // No floor (zero) or a floor at the setting turns the adaptive wait off.
        Assert.Equal(Upper, ReceiptLatency.Deadline(fast, Now, TimeSpan.Zero, Upper));
        Assert.Equal(Upper, ReceiptLatency.Deadline(fast, Now, Upper, Upper));
    }

    [Fact]
    public void Late_receipts_push_the_wait_back_up()
    {
        var h = ReceiptLatency.Add(ReceiptHistogram.Empty(Now), Counts((S(2), 100)), Now);
        var before = ReceiptLatency.Deadline(h, Now, Floor, Upper);

        _clock.Advance(S(30));
        h = ReceiptLatency.Add(h, Counts((S(90), 5)), Now);

        Assert.Equal(Floor, before);
        Assert.True(ReceiptLatency.Deadline(h, Now, Floor, Upper) > S(90));
    }

    [Fact]
    public void Generations_roll_so_old_receipts_are_forgotten()
    {
        var h = ReceiptLatency.Add(ReceiptHistogram.Empty(Now), Counts((S(60), 100)), Now);

        // One generation later the old receipts still count, beside the new ones.
        _clock.Advance(ReceiptLatency.Generation);
        h = ReceiptLatency.Add(h, Counts((S(2), 100)), Now);
        Assert.Equal(200, h.Count);
        Assert.True(ReceiptLatency.Learned(h, Now) >= S(60));

        // Two generations after they came, they are gone; the recent fast ones decide.
        _clock.Advance(ReceiptLatency.Generation);
        Assert.Equal(ReceiptLatency.Edge(ReceiptLatency.BucketOf(S(2))), ReceiptLatency.Learned(h, Now));

        // And with nothing for two generations, too few receipts: the setting again.
        _clock.Advance(ReceiptLatency.Generation);
        Assert.Equal(Upper, ReceiptLatency.Deadline(h, Now, Floor, Upper));
    }

    [Fact]
    public void Buckets_hold_their_latency_within_a_quarter_and_store_compactly()
    {
        foreach (var seconds in new[] { 0.1, 0.3, 1, 3, 20, 300, 3600 })
        {
            var edge = ReceiptLatency.Edge(ReceiptLatency.BucketOf(S(seconds)));
            Assert.InRange(edge.TotalSeconds, Math.Max(seconds, 0.25) - 1e-6, Math.Max(seconds, 0.25) * 1.25 + 1e-6);
        }
        Assert.Equal(ReceiptLatency.Buckets - 1, ReceiptLatency.BucketOf(TimeSpan.FromDays(2)));

        var counts = Counts((S(1), 3), (S(2), 1));
        var stored = ReceiptHistogram.Format(counts);
        Assert.Equal(counts, ReceiptHistogram.Parse(stored).Concat(new int[ReceiptLatency.Buckets - ReceiptHistogram.Parse(stored).Count]));
        Assert.All(ReceiptHistogram.Parse("garbage"), c => Assert.Equal(0, c));
    }

    [Fact]
    public void An_instance_flushes_its_receipts_at_most_every_few_seconds_and_keeps_what_a_failed_flush_took()
    {
        var pending = new PendingReceipts();

        var first = pending.Add("sms", S(2), late: false, Now);
        _clock.Advance(S(1));
        var held = pending.Add("sms", S(3), late: true, Now);
        _clock.Advance(PendingReceipts.FlushEvery);
        pending.Restore(first!);
        var second = pending.Add("sms", S(4), late: false, Now);

        Assert.Equal(1, first!["sms"].Counts.Sum());
        Assert.Null(held);
        Assert.Equal(3, second!["sms"].Counts.Sum());
        Assert.Equal(1, second["sms"].Late);
    }
}
