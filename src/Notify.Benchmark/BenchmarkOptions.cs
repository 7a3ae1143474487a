namespace Notify.Benchmark;

/// <summary>
/// The command line: <c>[--short] [--out FILE] [--concurrency N] [--rate R] [--seconds S] [--intake-seconds S]
/// [--failover-rate R] [--failover-seconds S] [--silent-orders N] [--sweep-settled A,B] [--sweep-rounds N]
/// [--damage-orders N] [--receipts-rate R] [--receipts-sweep CRON] [--receipts-seconds S] [--outage-seconds S] [--saturation-rate R]
/// [--saturation-seconds S] [--azurite-memory] [--parts 1,2,3a,6,3c,7,8,3b,3d,4]</c>.
/// </summary>
public sealed record BenchmarkOptions(
    bool Short,
    string? Out,
    int Concurrency,
    double Rate,
    double LatencySeconds,
    double IntakeSeconds,
    double FailoverRate,
    double FailoverSeconds,
    int SilentOrders,
    int[] SweepSettled,
    int SweepRounds,
    int DamageOrders,
    string[] Parts,
    double ReceiptsSeconds = 8,
    double OutageSeconds = 8,
    double ReceiptsRate = 10,
    string? ReceiptsSweep = null,
    double? SaturationRate = null,
    double SaturationSeconds = 4,
    bool AzuriteInMemory = false)
{
    /// <summary>Part 8's intake capacity when neither <c>--saturation-rate</c> nor part 1 gives one (orders/s).</summary>
    public double DefaultSaturationRate => Short ? 20 : 100;

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
            Number("--intake-seconds", isShort ? 2 : 15),
            Number("--failover-rate", isShort ? 4 : 10),
            Number("--failover-seconds", isShort ? 3 : 20),
            (int)Number("--silent-orders", isShort ? 10 : 100),
            (Value("--sweep-settled") ?? (isShort ? "100,1000" : "1000,100000")).Split(",").Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            (int)Number("--sweep-rounds", isShort ? 1 : 5),
            (int)Number("--damage-orders", isShort ? 500 : 5000),
            (Value("--parts") ?? "1,2,3a,6,3c,7,8,3b,3d,4").Split(','),
            Number("--receipts-seconds", isShort ? 8 : 600),
            Number("--outage-seconds", isShort ? 8 : 90),
            Number("--receipts-rate", 10),
            Value("--receipts-sweep"),
            Value("--saturation-rate") is null ? null : Number("--saturation-rate", 0),
            Number("--saturation-seconds", isShort ? 4 : 60),
            args.Contains("--azurite-memory"));
    }
}
