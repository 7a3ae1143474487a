using System.Globalization;

namespace Notify.Channels.Health;

/// <summary>
/// A channel's recent delivered-receipt latencies (acceptance → "delivered"), as a compact log-scale histogram in two
/// generations of <see cref="ReceiptLatency.Generation"/> each: the percentile reads both, so it always covers between
/// one and two generations of the most recent receipts. Immutable; stored on the channel's health row.
/// </summary>
/// <param name="Start">When <paramref name="Current"/> started.</param>
/// <param name="Current">Counts per bucket since <paramref name="Start"/>.</param>
/// <param name="Previous">Counts per bucket of the generation before.</param>
public sealed record ReceiptHistogram(DateTimeOffset Start, IReadOnlyList<int> Current, IReadOnlyList<int> Previous)
{
    /// <summary>No receipts yet, starting at <paramref name="now"/>.</summary>
    public static ReceiptHistogram Empty(DateTimeOffset now) => new(now, [], []);

    /// <summary>Receipts counted in both generations.</summary>
    public int Count => Current.Sum() + Previous.Sum();

    /// <summary>Bucket counts as stored: comma-separated, trailing zeros left off.</summary>
    public static string Format(IReadOnlyList<int> counts) =>
        string.Join(',', counts.Take(LastNonZero(counts) + 1).Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Bucket counts from <see cref="Format"/>; anything unreadable counts as no receipts.</summary>
    public static IReadOnlyList<int> Parse(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : stored.Split(',').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Take(ReceiptLatency.Buckets).ToList();

    private static int LastNonZero(IReadOnlyList<int> counts)
    {
        for (var i = counts.Count - 1; i >= 0; i--)
        {
            if (counts[i] != 0)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>
/// The adaptive receipt deadline's rules, pure: how a latency is counted, how the histogram rolls, and how long a new
/// send on a channel waits for its receipt: <see cref="Multiple"/> × the learned <see cref="Percentile"/>, never less
/// than the floor setting nor more than the channel's receipt timeout setting, which is also the answer while fewer
/// than <see cref="MinSamples"/> receipts are known. A deadline that is too short costs a second message (a late
/// receipt after the reroute), so late receipts are counted in the histogram too and push the deadline back up.
/// </summary>
public static class ReceiptLatency
{
    /// <summary>Number of buckets; the last one holds everything longer.</summary>
    public const int Buckets = 48;
    /// <summary>The percentile learned.</summary>
    public const double Percentile = 0.99;
    /// <summary>How many times the learned percentile a send waits.</summary>
    public const double Multiple = 1.5;
    /// <summary>Fewer receipts than this in both generations: wait the whole setting.</summary>
    public const int MinSamples = 20;
    /// <summary>The length of one generation.</summary>
    public static readonly TimeSpan Generation = TimeSpan.FromMinutes(10);

    // Bucket i holds latencies up to 0.25 s × 1.25^i: 0.25 s … ~2.5 h in 48 buckets, each at most 25 % wider than its value.
    private const double FirstEdgeSeconds = 0.25;
    private const double Growth = 1.25;

    /// <summary>The upper edge of bucket <paramref name="i"/>.</summary>
    public static TimeSpan Edge(int i) => TimeSpan.FromSeconds(FirstEdgeSeconds * Math.Pow(Growth, i));

    /// <summary>The bucket a latency falls in.</summary>
    public static int BucketOf(TimeSpan latency)
    {
        var seconds = Math.Max(latency.TotalSeconds, 0);
        if (seconds <= FirstEdgeSeconds)
        {
            return 0;
        }
        var i = (int)Math.Ceiling(Math.Log(seconds / FirstEdgeSeconds, Growth) - 1e-9);
        return Math.Min(i, Buckets - 1);
    }

    /// <summary>The histogram as of <paramref name="now"/>: a generation older than <see cref="Generation"/> moves back, one older than two is gone.</summary>
    public static ReceiptHistogram Roll(ReceiptHistogram h, DateTimeOffset now)
    {
        var age = now - h.Start;
        if (age < Generation)
        {
            return h;
        }
        if (age < 2 * Generation)
        {
            return new ReceiptHistogram(h.Start + Generation, [], h.Current);
        }
        return ReceiptHistogram.Empty(now);
    }

    /// <summary>Adds counts per bucket (one instance's receipts since its last flush) to the histogram, rolled to <paramref name="now"/>.</summary>
    public static ReceiptHistogram Add(ReceiptHistogram h, IReadOnlyList<int> counts, DateTimeOffset now)
    {
        var rolled = Roll(h, now);
        var sum = new int[Math.Max(rolled.Current.Count, counts.Count)];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = (i < rolled.Current.Count ? rolled.Current[i] : 0) + (i < counts.Count ? counts[i] : 0);
        }
        return rolled with { Current = sum };
    }

    /// <summary>The learned percentile (a bucket's upper edge), or null with fewer than <see cref="MinSamples"/> receipts.</summary>
    public static TimeSpan? Learned(ReceiptHistogram h, DateTimeOffset now)
    {
        var rolled = Roll(h, now);
        var total = rolled.Count;
        if (total < MinSamples)
        {
            return null;
        }
        var rank = (int)Math.Ceiling(Percentile * total);
        var seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += (i < rolled.Current.Count ? rolled.Current[i] : 0) + (i < rolled.Previous.Count ? rolled.Previous[i] : 0);
            if (seen >= rank)
            {
                return Edge(i);
            }
        }
        return Edge(Buckets - 1);
    }

    /// <summary>
    /// How long a message accepted now waits for its receipt: <see cref="Multiple"/> × the learned percentile within
    /// [<paramref name="floor"/>, <paramref name="upper"/>], or <paramref name="upper"/> with too few receipts (or no floor below it).
    /// </summary>
    public static TimeSpan Deadline(ReceiptHistogram? h, DateTimeOffset now, TimeSpan floor, TimeSpan upper)
    {
        if (h is null || floor <= TimeSpan.Zero || floor >= upper || Learned(h, now) is not { } learned)
        {
            return upper;
        }
        var wait = TimeSpan.FromMilliseconds(Math.Ceiling(learned.TotalMilliseconds * Multiple));
        return wait < floor ? floor : wait > upper ? upper : wait;
    }
}
