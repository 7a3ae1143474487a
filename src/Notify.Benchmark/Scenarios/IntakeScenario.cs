using System.Net;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 1. Intake efficiency: signed orders accepted per second over HTTP at a fixed concurrency, against the same storage
/// operations done directly (<see cref="RawIntake"/>) at the same concurrency. Phases alternate (raw, HTTP, …) and the
/// queues are drained between them, so each phase starts with the same background work (none) and leaves the same
/// kind behind (its orders are fanned out and sent either way).
/// </summary>
public static class IntakeScenario
{
    private const string Part = "1 intake";

    public static async Task RunAsync(LocalStack stack, HttpClient app, Observers observers, BenchmarkOptions options, RunReport report)
    {
        var http = await BenchMerchant.CreateAsync(app, "bench-intake-http");
        var rawMerchant = await BenchMerchant.CreateAsync(app, "bench-intake-raw");
        var rawCounter = new RequestCounter(stack.TablePort, scoped: false);
        var raw = new RawIntake(stack.StorageConnection, rawCounter, rawMerchant.Id);
        var phase = TimeSpan.FromSeconds(options.IntakeSeconds);
        var drainLimit = TimeSpan.FromSeconds(options.Short ? 15 : 60);
        var round = 0;

        Task<ClosedLoop.Outcome> Http(TimeSpan d)
        {
            var name = $"H{round}";
            return ClosedLoop.RunAsync(options.Concurrency, d, async i => await http.PostAsync(BenchOrders.Body(name, i)) == HttpStatusCode.Accepted);
        }
        Task<ClosedLoop.Outcome> Raw(TimeSpan d)
        {
            var name = $"R{round}";
            return ClosedLoop.RunAsync(options.Concurrency, d, async i =>
            {
                await raw.StoreAsync(name, i, CancellationToken.None);
                return true;
            });
        }

        Console.WriteLine("  warming up (JIT, connections)…");
        var warm = TimeSpan.FromSeconds(options.Short ? 1 : 3);
        await Raw(warm);
        round++;
        await Http(warm);
        round++;
        await observers.DrainAsync(drainLimit);

        var rawRuns = new List<ClosedLoop.Outcome>();
        var httpRuns = new List<ClosedLoop.Outcome>();
        var rawOps = new Dictionary<string, long>();
        var httpOps = new Dictionary<string, long>();
        var drained = true;
        for (var r = 0; r < (options.Short ? 1 : 2); r++, round++)
        {
            var rawBefore = rawCounter.Snapshot();
            rawRuns.Add(await Raw(phase));
            Add(rawOps, RequestCounter.Between(rawBefore, rawCounter.Snapshot()));
            drained &= await observers.DrainAsync(drainLimit);

            var appBefore = stack.AppRequests.Snapshot();
            httpRuns.Add(await Http(phase));
            Add(httpOps, RequestCounter.Between(appBefore, stack.AppRequests.Snapshot())
                .Where(kv => kv.Key.StartsWith(RequestScope.Intake + ":", StringComparison.Ordinal)).ToDictionary());
            drained &= await observers.DrainAsync(drainLimit);
        }

        var rawRate = rawRuns.Sum(o => o.Succeeded) / rawRuns.Sum(o => o.Elapsed.TotalSeconds);
        var httpRate = httpRuns.Sum(o => o.Succeeded) / httpRuns.Sum(o => o.Elapsed.TotalSeconds);
        var ratio = httpRate / rawRate;
        var note = drained ? null : "queues were not empty between phases";
        report.Add(new Metric(Part, $"HTTP intake, concurrency {options.Concurrency}", httpRate, "orders/s", Note: note));
        report.Add(new Metric(Part, $"raw storage baseline, concurrency {options.Concurrency}", rawRate, "orders/s"));
        report.Add(new Metric(Part, "ratio HTTP / raw", ratio, "", "≥ 0.85", ratio >= 0.85));
        var httpMs = Stats.Of(httpRuns.SelectMany(o => o.DurationsMs));
        var rawMs = Stats.Of(rawRuns.SelectMany(o => o.DurationsMs));
        report.Add(new Metric(Part, "HTTP intake response p50", httpMs?.P50, "ms"));
        report.Add(new Metric(Part, "HTTP intake response p99", httpMs?.P99, "ms"));
        report.Add(new Metric(Part, "raw baseline p50", rawMs?.P50, "ms"));
        report.Add(new Metric(Part, "raw baseline p99", rawMs?.P99, "ms"));
        report.Add(new Metric(Part, "HTTP intake failures", httpRuns.Sum(o => o.Failed), "requests"));

        var httpAccepted = httpRuns.Sum(o => o.Succeeded);
        var rawDone = rawRuns.Sum(o => o.Succeeded);
        report.Operations["intake over HTTP, per accepted order"] = httpOps.ToDictionary(kv => kv.Key, kv => (double)kv.Value / httpAccepted);
        report.Operations["raw baseline, per order"] = rawOps.ToDictionary(kv => kv.Key, kv => (double)kv.Value / rawDone);
        report.Add(new Metric(Part, "storage requests per order, HTTP intake", httpOps.Values.Sum() / (double)httpAccepted, "requests"));
        report.Add(new Metric(Part, "storage requests per order, raw baseline", rawOps.Values.Sum() / (double)rawDone, "requests"));
    }

    private static void Add(Dictionary<string, long> into, Dictionary<string, long> counts)
    {
        foreach (var (k, v) in counts)
        {
            into[k] = into.GetValueOrDefault(k) + v;
        }
    }
}
