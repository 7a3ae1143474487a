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
var crashed = new List<string>();
Console.WriteLine($"Starting Azurite{(options.AzuriteInMemory ? " (in memory)" : "")}, maildev, the Twilio and KakaoTalk sandboxes and the self-host ({(options.Short ? "short" : "full")} mode)…");
await using var memory = new MemoryWatch();
await using (var stack = await LocalStack.StartAsync(options.AzuriteInMemory))
{
    using var app = new HttpClient { BaseAddress = stack.App };
    using var sandbox = new HttpClient { BaseAddress = stack.Sandbox };
    using var mailbox = new HttpClient { BaseAddress = stack.Mailbox };
    using var kakao = new HttpClient { BaseAddress = stack.Kakao };
    var observers = new Observers(sandbox, mailbox, stack.StorageConnection);

    await RunPartAsync("1", "1. intake efficiency", () => IntakeScenario.RunAsync(stack, app, observers, options, report));
    await RunPartAsync("2", "2. end-to-end latency (and 5. cost)", () => LatencyScenario.RunAsync(stack, app, sandbox, observers, options, report));
    await RunPartAsync("3a", "3a. failover, SMS failing", () => FailoverScenario.RunAsync(app, sandbox, observers, options, report));
    await RunPartAsync("6", "6. damage report", () => DamageScenario.RunAsync(stack, app, options, report));
    await RunPartAsync("3c", "3c. failover, KakaoTalk failing", () => KakaoFailoverScenario.FailingAsync(stack, app, kakao, observers, options, report));
    await RunPartAsync("7", "7. realistic receipts: false reroutes, then a silent outage", () => OutageScenario.RunAsync(stack, app, sandbox, observers, options, report));
    await RunPartAsync("8", "8. saturation: twice what intake takes, then the drain", () => SaturationScenario.RunAsync(stack, app, sandbox, observers, options, report));
    // 3b and 4 restart the self-host with their own settings (short timeouts, the sweep's timer), so they come last.
    await RunPartAsync("3b", "3b. failover, SMS silent", () => SilentScenario.RunAsync(stack, app, sandbox, observers, options, report));
    await RunPartAsync("3d", "3d. failover, KakaoTalk silent", () => KakaoFailoverScenario.SilentAsync(stack, app, kakao, observers, options, report));
    await RunPartAsync("4", "4. sweep scaling", () => SweepScenario.RunAsync(stack, app, sandbox, observers, options, report));

    report.Add(new Metric("5 cost", "peak working set (self-host + sandbox + load, one process)", MemoryWatch.PeakWorkingSetBytes() / 1048576.0, "MiB"));
    report.Add(new Metric("5 cost", "peak GC heap (same process)", memory.PeakHeapBytes / 1048576.0, "MiB"));
    report.Add(new Metric("5 cost", "Azurite peak resident memory", stack.Azurite.Process.PeakResidentBytes() / 1048576.0, "MiB"));
}

report.Print();
Console.WriteLine($"\nTotal {total.Elapsed.TotalSeconds:0} s.");
if (options.Out is { } path)
{
    await report.WriteAsync(path);
    Console.WriteLine($"Wrote {path}.");
}
// Missed goals are results, not failures: only a part that crashed makes the exit code non-zero (CI runs --short).
if (crashed.Count > 0)
{
    Console.Error.WriteLine($"Crashed: {string.Join("; ", crashed)}");
}
return crashed.Count == 0 ? 0 : 1;

// Runs one part; a crash is reported and recorded, and the remaining parts still run.
async Task RunPartAsync(string key, string name, Func<Task> part)
{
    if (!options.Parts.Contains(key))
    {
        return;
    }
    Console.WriteLine(name);
    var clock = Stopwatch.StartNew();
    try
    {
        await part();
        Console.WriteLine($"  ({name}: {clock.Elapsed.TotalSeconds:0.0} s)");
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"{name} crashed: {ex}");
        crashed.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
        report.Add(new Metric("crash", name, null, "", Note: ex.Message));
    }
}
