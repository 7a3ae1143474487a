namespace Notify.Benchmark;

/// <summary>The command line: <c>[--short] [--out FILE] [--concurrency N] [--rate R] [--seconds S]</c>.</summary>
public sealed record BenchmarkOptions(
    bool Short,
    string? Out,
    int Concurrency,
    double Rate,
    double LatencySeconds,
    double IntakeSeconds,
    double FailoverRate,
    double FailoverSeconds)
{
    /// <summary>Reads the arguments; short mode scales every part down to a few seconds.</summary>
    public static BenchmarkOptions Parse(string[] args)
    {
        var isShort = args.Contains("--short");
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        double Number(string name, double fallback) =>
            Value(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(
            isShort,
            Value("--out"),
            (int)Number("--concurrency", 16),
            Number("--rate", isShort ? 20 : 50),
            Number("--seconds", isShort ? 5 : 60),
            Number("--intake-seconds", isShort ? 3 : 15),
            Number("--failover-rate", isShort ? 4 : 10),
            Number("--failover-seconds", isShort ? 3 : 20));
    }
}
