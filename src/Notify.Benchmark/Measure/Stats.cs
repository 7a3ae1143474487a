namespace Notify.Benchmark.Measure;

/// <summary>Percentiles of a sample (nearest rank), in the sample's unit.</summary>
public sealed record Stats(int Count, double P50, double P95, double P99, double Max)
{
    /// <summary>The statistics of <paramref name="values"/>, or null when there are none.</summary>
    public static Stats? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}
