using System.Diagnostics;
using System.Net;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 2. End-to-end latency at a steady offered load (open loop): from each order's scheduled POST to its SMS being
/// accepted by the sandbox, and to its delivery being confirmed (Twilio's "delivered" callback recorded on the order).
/// 5. Cost: the storage requests the self-host made for those orders, per order, by kind and cause.
/// </summary>
public static class LatencyScenario
{
    private const string Part = "2 latency";
    private const string CostPart = "5 cost";

    public static async Task RunAsync(LocalStack stack, HttpClient app, HttpClient sandbox, Observers observers, BenchmarkOptions options, RunReport report)
    {
        var merchant = await BenchMerchant.CreateAsync(app, "bench-latency");
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await sandbox.DeleteAsync("/sandbox/messages")).EnsureSuccessStatusCode();

        // What the queue listener costs with nothing to do, to tell polling from work below.
        var idleBefore = stack.AppRequests.Snapshot();
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Short ? 2 : 5));
        var idle = RequestCounter.Between(idleBefore, stack.AppRequests.Snapshot()).Values.Sum() / idleClock.Elapsed.TotalSeconds;

        var before = stack.AppRequests.Snapshot();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"  offering {options.Rate}/s for {options.LatencySeconds} s…");
        var sent = await OpenLoop.RunAsync(options.Rate, options.LatencySeconds,
            async i => await merchant.PostAsync(BenchOrders.Body("LAT", i)) == HttpStatusCode.Accepted);
        var accepted = sent.Where(s => s.Accepted).ToList();
        var tail = TimeSpan.FromSeconds(options.Short ? 20 : 60);
        var sms = await Observers.AwaitAsync(observers.SmsAsync, accepted.Select(s => BenchOrders.Phone(s.Index)).ToList(), tail);
        var confirmed = await Observers.AwaitAsync(() => observers.ConfirmedAsync(merchant.Id), accepted.Select(s => BenchOrders.Number("LAT", s.Index)).ToList(), tail);
        var after = stack.AppRequests.Snapshot();
        var elapsed = clock.Elapsed.TotalSeconds;

        var toSms = Stats.Of(accepted.Where(s => sms.ContainsKey(BenchOrders.Phone(s.Index)))
            .Select(s => (sms[BenchOrders.Phone(s.Index)] - s.Due).TotalMilliseconds));
        var toConfirmed = Stats.Of(accepted.Where(s => confirmed.ContainsKey(BenchOrders.Number("LAT", s.Index)))
            .Select(s => (confirmed[BenchOrders.Number("LAT", s.Index)] - s.Due).TotalMilliseconds));
        report.Add(new Metric(Part, $"offered {options.Rate}/s × {options.LatencySeconds} s: accepted", accepted.Count, $"of {sent.Count}"));
        report.Add(new Metric(Part, "scheduler lag max (load generator health)", sent.Max(s => s.LagMs), "ms"));
        AddStats(report, "POST → SMS at sandbox", toSms, 1500, 300);
        AddStats(report, "POST → delivery confirmed", toConfirmed, null, null);

        var count = (double)accepted.Count;
        var ops = RequestCounter.Between(before, after);
        report.Operations["happy path (intake + queues + receipts), per order"] = ops.ToDictionary(kv => kv.Key, kv => kv.Value / count);
        var total = ops.Values.Sum();
        report.Add(new Metric(CostPart, "storage requests per order, all", total / count, "requests", Note: "includes queue polling while the run lasted"));
        report.Add(new Metric(CostPart, "… of which intake (HTTP)", ops.Where(kv => kv.Key.StartsWith(RequestScope.Intake + ":", StringComparison.Ordinal)).Sum(kv => kv.Value) / count, "requests"));
        report.Add(new Metric(CostPart, "… excluding idle polling (estimate)", (total - idle * elapsed) / count, "requests"));
        report.Add(new Metric(CostPart, "idle queue polling", idle, "requests/s"));
    }

    private static void AddStats(RunReport report, string name, Stats? stats, double? p99Goal, double? p50Goal)
    {
        report.Add(new Metric(Part, $"{name}: seen", stats?.Count, "orders"));
        report.Add(new Metric(Part, $"{name} p50", stats?.P50, "ms", p50Goal is { } g50 ? $"≤ {g50} ms" : null, p50Goal is { } m50 && stats is not null ? stats.P50 <= m50 : null));
        report.Add(new Metric(Part, $"{name} p95", stats?.P95, "ms"));
        report.Add(new Metric(Part, $"{name} p99", stats?.P99, "ms", p99Goal is { } g99 ? $"≤ {g99} ms" : null, p99Goal is { } m99 && stats is not null ? stats.P99 <= m99 : null));
        report.Add(new Metric(Part, $"{name} max", stats?.Max, "ms"));
    }
}
