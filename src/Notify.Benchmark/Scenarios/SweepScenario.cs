using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;
using Notify.Delivery;
using Notify.Orders;
using Notify.Sweep;
using Notify.Deadlines;
using Notify.Delivery.Pipeline;
using Notify.Common;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 4. Sweep scaling: one sweep with 100 due deliveries among few and among many settled ones (settled orders plus as
/// many deliveries waiting on a deadline a day away). The due deliveries are real: orders whose SMS the silent sandbox
/// accepted, past their receipt deadline. The self-host runs with its timer off and the benchmark calls
/// <see cref="StallSweep"/> from the app's services, so each timed sweep is the only one.
/// </summary>
public static class SweepScenario
{
    private const string Part = "4 sweep";
    private const int Due = 100;
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(LocalStack stack, HttpClient app, HttpClient sandbox, Observers observers, BenchmarkOptions options, RunReport report)
    {
        await stack.RestartAppAsync("--Notify:SweepSchedule=", $"--Notify:SmsReceiptTimeout={ReceiptTimeout}", "--Notify:ChannelFailureThreshold=1000000");
        var sweep = stack.Services.GetRequiredService<StallSweep>();
        var merchant = await BenchMerchant.CreateAsync(app, "bench-sweep");
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "silent" })).EnsureSuccessStatusCode();
        try
        {
            // Clears what earlier parts left due, and warms the sweep's code and connections.
            await sweep.RunAsync(CancellationToken.None);
            var seeded = 0;
            var next = 700_000;
            var medians = new List<double>();
            var fastest = new List<double>();
            foreach (var settled in options.SweepSettled)
            {
                var seedClock = Stopwatch.StartNew();
                Console.WriteLine($"  seeding {settled - seeded:N0} settled orders and as many deadlines a day away…");
                await SettledRows.AddAsync(stack.StorageConnection, settled - seeded, parallelism: 4);
                seeded = settled;
                report.Add(new Metric(Part, $"seeding up to {settled:N0} settled (+ as many waiting)", seedClock.Elapsed.TotalSeconds, "s"));

                var times = new List<double>();
                for (var round = 0; round < options.SweepRounds; round++)
                {
                    var numbers = await StallAsync(merchant, observers, next);
                    next += Due;
                    if (round == 0)
                    {
                        await ProbeStorageAsync(stack, settled, report);
                    }
                    var before = stack.AppRequests.Snapshot();
                    var clock = Stopwatch.StartNew();
                    var result = await RequestScope.RunAsync(RequestScope.Sweep, () => sweep.RunAsync(CancellationToken.None));
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    var requests = RequestCounter.Between(before, stack.AppRequests.Snapshot())
                        .Where(kv => kv.Key.StartsWith(RequestScope.Sweep + ":", StringComparison.Ordinal)).Sum(kv => kv.Value);
                    Console.WriteLine($"    round {round + 1}: {times[^1]:0} ms, {result}, {requests} storage requests");
                    if (round == 0)
                    {
                        report.Add(new Metric(Part, $"{settled:N0} settled: deadline rows read (SweepReport.Read)", result.Read, "rows", $"= {Due}", result.Read == Due));
                        report.Add(new Metric(Part, $"{settled:N0} settled: rerouted", result.Rerouted, $"of {numbers.Count}"));
                        report.Add(new Metric(Part, $"{settled:N0} settled: storage requests of one sweep", requests, "requests"));
                    }
                    await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
                }
                var median = Stats.Of(times)!.P50;
                medians.Add(median);
                fastest.Add(times.Min());
                report.Add(new Metric(Part, $"one sweep, {Due} due among {settled:N0}", median, "ms",
                    Note: $"median of {times.Count}: {string.Join(", ", times.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms"));
            }
            if (medians.Count >= 2)
            {
                var ratio = medians[^1] / medians[0];
                report.Add(new Metric(Part, $"ratio {options.SweepSettled[^1]:N0} / {options.SweepSettled[0]:N0} (medians)", ratio, "", "≤ 1.2", ratio <= 1.2));
                // The fastest round is the least disturbed by the machine (Azurite's garbage collector, other work).
                report.Add(new Metric(Part, $"ratio {options.SweepSettled[^1]:N0} / {options.SweepSettled[0]:N0} (fastest rounds)", fastest[^1] / fastest[0], ""));
            }
        }
        finally
        {
            (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "normal" })).EnsureSuccessStatusCode();
        }
    }

    // Where a slower sweep's time goes: the due query alone (the same filter the sweep uses) and one point read on the
    // deadline table, each the median of several, with the same due rows waiting.
    private static async Task ProbeStorageAsync(LocalStack stack, int settled, RunReport report)
    {
        var table = new Azure.Data.Tables.TableServiceClient(stack.StorageConnection).GetTableClient(Notify.Storage.StorageNames.DeadlinesTable);
        var index = stack.Services.GetRequiredService<DeadlineIndex>();
        var query = new List<double>();
        var point = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await foreach (var _ in index.DueAsync(DateTimeOffset.UtcNow, CancellationToken.None))
            {
            }
            query.Add(clock.Elapsed.TotalMilliseconds);
        }
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("000000000000-0", "none-" + i);
            point.Add(clock.Elapsed.TotalMilliseconds);
        }
        report.Add(new Metric(Part, $"{settled:N0} settled: the due query alone (median of 5)", Stats.Of(query)!.P50, "ms"));
        report.Add(new Metric(Part, $"{settled:N0} settled: one point read on Deadlines (median of 20)", Stats.Of(point)!.P50, "ms"));
    }

    // Posts 100 orders, waits until each SMS is accepted (attempt 1 waiting on its receipt) and its deadline has passed.
    private static async Task<List<string>> StallAsync(BenchMerchant merchant, Observers observers, int first)
    {
        var indexes = Enumerable.Range(first, Due).ToList();
        var posted = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            if (await merchant.PostAsync(BenchOrders.Body("SW", i), ct) == HttpStatusCode.Accepted)
            {
                posted.Add(BenchOrders.Number("SW", i));
            }
        });
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var rows = await observers.OrdersAsync(merchant.Id);
            var waiting = posted.Select(n => rows.GetValueOrDefault(n)).Where(r => r?.ConfirmationStatus == ConfirmationStatus.Sent.Stored())
                .Select(r => DeliveryRows.Read(r!).Attempts.FirstOrDefault(a => a.Status == AttemptStatus.Accepted) is { } a
                    // Due for the sweep once both its deadline and its index row (written when it was queued) have passed.
                    ? (a.IndexDue > a.DeadlineAt ? a.IndexDue : a.DeadlineAt)
                    : null).ToList();
            if (waiting.Count == posted.Count && waiting.All(d => d is not null) || DateTime.UtcNow > until)
            {
                var last = waiting.Max() ?? DateTimeOffset.UtcNow;
                var wait = last + TimeSpan.FromMilliseconds(500) - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                return [.. posted];
            }
            await Task.Delay(250);
        }
    }
}
