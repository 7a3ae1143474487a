namespace Notify.Sandboxes;

/// <summary>
/// Shared by both sandboxes (each project compiles this file; see their .csproj). How long after acceptance the final status (delivered, or its failure) comes: log-normal through the median and
/// p99 set in the options, so a benchmark sees receipts as real carriers send them; null settings keep the fixed delay.
/// </summary>
internal static class DeliveredLatency
{
    // The standard normal's 99th percentile.
    private const double Z99 = 2.3263478740408408;

    /// <summary>
    /// The pauses before each of <paramref name="steps"/> reports: <paramref name="fixedDelay"/> each, but the last (the
    /// final status) drawn from the distribution when one is set, counted from acceptance.
    /// </summary>
    public static IEnumerable<TimeSpan> Pauses(int steps, TimeSpan fixedDelay, TimeSpan? median, TimeSpan? p99, Random random)
    {
        var waited = TimeSpan.Zero;
        for (var i = 0; i < steps; i++)
        {
            var pause = i == steps - 1 ? Before(median, p99, waited, random) ?? fixedDelay : fixedDelay;
            waited += pause;
            yield return pause;
        }
    }

    /// <summary>
    /// The pause before the final status, given the pauses already taken before it; null when no distribution is set
    /// (or it is not a distribution: a p99 below the median).
    /// </summary>
    public static TimeSpan? Before(TimeSpan? median, TimeSpan? p99, TimeSpan alreadyWaited, Random random)
    {
        if (median is not { } m || p99 is not { } p || m <= TimeSpan.Zero || p < m)
        {
            return null;
        }
        var sigma = Math.Log(p / m) / Z99;
        // Box-Muller: one standard normal draw.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var total = TimeSpan.FromMilliseconds(m.TotalMilliseconds * Math.Exp(sigma * z));
        return total > alreadyWaited ? total - alreadyWaited : TimeSpan.Zero;
    }
}
