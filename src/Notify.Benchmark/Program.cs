using System.Diagnostics;
using Notify.Benchmark;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;
using Notify.Benchmark.Scenarios;

// dotnet run -c Release --project src/Notify.Benchmark -- [--short] [--out docs/benchmark-results.json]
// See docs/BENCHMARKS.md for what each part measures and the latest results.
var options = BenchmarkOptions.Parse(args);
var report = new RunReport(options);
var total = Stopwatch.StartNew();
Console.WriteLine($"Starting Azurite, maildev, the Twilio sandbox and the self-host ({(options.Short ? "short" : "full")} mode)…");
await using var memory = new MemoryWatch();
await using (var stack = await LocalStack.StartAsync())
{
    using var app = new HttpClient { BaseAddress = stack.App };
    using var sandbox = new HttpClient { BaseAddress = stack.Sandbox };
    using var mailbox = new HttpClient { BaseAddress = stack.Mailbox };
    var observers = new Observers(sandbox, mailbox, stack.StorageConnection);

    Console.WriteLine("1. intake efficiency");
    await IntakeScenario.RunAsync(stack, app, observers, options, report);
    Console.WriteLine("2. end-to-end latency (and 5. cost)");
    await LatencyScenario.RunAsync(stack, app, sandbox, observers, options, report);
    Console.WriteLine("3. failover");
    await FailoverScenario.RunAsync(app, sandbox, observers, options, report);
    PendingScenarios.Report(report);

    report.Add(new Metric("5 cost", "peak working set (self-host + sandbox + load, one process)", MemoryWatch.PeakWorkingSetBytes() / 1048576.0, "MiB"));
    report.Add(new Metric("5 cost", "peak GC heap (same process)", memory.PeakHeapBytes / 1048576.0, "MiB"));
    report.Add(new Metric("5 cost", "Azurite peak resident memory", stack.Azurite.PeakResidentBytes() / 1048576.0, "MiB"));
}

report.Print();
Console.WriteLine($"\nTotal {total.Elapsed.TotalSeconds:0} s.");
if (options.Out is { } path)
{
    await report.WriteAsync(path);
    Console.WriteLine($"Wrote {path}.");
}
