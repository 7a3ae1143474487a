using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notify.Benchmark.Report;

/// <summary>Everything one run measured: printed as a table, written as JSON.</summary>
public sealed class RunReport(BenchmarkOptions options)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The metrics, in the order they were measured.</summary>
    public List<Metric> Metrics { get; } = [];

    /// <summary>Storage requests by kind, per part (e.g. per order on the happy path).</summary>
    public Dictionary<string, Dictionary<string, double>> Operations { get; } = [];

    /// <summary>Adds a metric.</summary>
    public void Add(Metric metric)
    {
        Metrics.Add(metric);
        Console.WriteLine($"  {metric.Part} / {metric.Name}: {Format(metric.Value)} {metric.Unit}");
    }

    /// <summary>Prints the table to standard output.</summary>
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Notify benchmark — {(options.Short ? "short" : "full")} mode, {Environment.ProcessorCount} cores, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}");
        Console.WriteLine($"| {"part",-12} | {"metric",-44} | {"value",12} | {"unit",-9} | {"goal",-10} | met |");
        Console.WriteLine($"|{new string('-', 14)}|{new string('-', 46)}|{new string('-', 14)}|{new string('-', 11)}|{new string('-', 12)}|-----|");
        foreach (var m in Metrics)
        {
            var met = m.Met switch { true => "yes", false => "NO", null => "" };
            Console.WriteLine($"| {m.Part,-12} | {m.Name,-44} | {Format(m.Value),12} | {m.Unit,-9} | {m.Goal ?? "",-10} | {met,-3} |");
        }
        foreach (var (part, ops) in Operations)
        {
            Console.WriteLine();
            Console.WriteLine($"Storage requests, {part}:");
            foreach (var (kind, n) in ops.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {kind,-48} {n,10:0.00}");
            }
        }
    }

    /// <summary>Writes the JSON file.</summary>
    public async Task WriteAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new
        {
            date = DateTimeOffset.Now,
            mode = options.Short ? "short" : "full",
            cores = Environment.ProcessorCount,
            os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            options,
            metrics = Metrics,
            storageRequests = Operations,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, JsonOptions) + "\n");
    }

    private static string Format(double? value) => value switch
    {
        null => "not measured yet",
        >= 100 => value.Value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
