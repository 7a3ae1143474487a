using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;
using Notify.Channels.Health;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Storage;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 7. Realistic receipts (issue 16). The sandbox's delivered callbacks come log-normal (median 3 s, p99 20 s) and
/// the self-host runs its default settings (adaptive receipt deadlines, channel health, the sweep every 30 s).
/// 7a, false reroutes: normal traffic at 10 orders/s; the share of orders that got a second message because a
/// receipt came after its adaptive deadline. 7b, silent outage: then the sandbox goes silent at the same rate; per
/// order posted after that, the time from its POST to its confirmation by the fallback (e-mail), and the time from
/// the first silent SMS until SMS is marked down for everybody. Short mode shrinks the receipts (median 0.3 s, p99
/// 2 s), the floor (5 s) and the sweep interval (2 s) so the part proves it runs in a few seconds.
/// </summary>
public static class OutageScenario
{
    private const string Part = "7 receipts";
    private const int NormalFirst = 800_000;
    private const int OutageFirst = 900_000;

    public static async Task RunAsync(LocalStack stack, HttpClient app, HttpClient sandbox, Observers observers, BenchmarkOptions options, RunReport report)
    {
        var rate = options.ReceiptsRate;
        var (median, p99) = options.Short ? (TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(2)) : (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20));
        var floor = options.Short ? TimeSpan.FromSeconds(5) : new Notify.Configuration.NotifyOptions().AdaptiveReceiptFloor;
        var upper = new Notify.Configuration.NotifyOptions().SmsReceiptTimeout;
        string[] sweep = options.ReceiptsSweep is { } schedule ? [$"--Notify:SweepSchedule={schedule}"] : options.Short ? ["--Notify:SweepSchedule=*/2 * * * * *"] : [];
        await stack.RestartAppAsync(options.Short ? [$"--Notify:AdaptiveReceiptFloor={floor}", .. sweep] : sweep);
        var merchant = await BenchMerchant.CreateAsync(app, "bench-receipts");
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await sandbox.DeleteAsync("/sandbox/messages")).EnsureSuccessStatusCode();
        stack.TwilioReceipts.DeliveredMedian = median;
        stack.TwilioReceipts.DeliveredP99 = p99;
        var health = new TableServiceClient(stack.StorageConnection).GetTableClient(StorageNames.ChannelHealthTable);
        try
        {
            Console.WriteLine($"  receipts log-normal, median {median.TotalSeconds} s, p99 {p99.TotalSeconds} s; {rate}/s for {options.ReceiptsSeconds} s…");
            var normal = await OpenLoop.RunAsync(rate, options.ReceiptsSeconds,
                async i => await merchant.PostAsync(BenchOrders.Body("RCP", NormalFirst + i)) == HttpStatusCode.Accepted);
            // Every normal order's SMS must leave before the sandbox goes silent, and the receipts reach the row (each
            // instance adds its receipts every 5 s), or 7a would count the outage and 7b would start unlearned.
            await Observers.AwaitAsync(observers.SmsAsync, normal.Where(s => s.Accepted).Select(s => BenchOrders.Phone(NormalFirst + s.Index)).ToList(),
                TimeSpan.FromSeconds(options.Short ? 20 : 60));
            var learned = await SmsRowAsync(health);
            for (var tries = 0; tries < 30 && (learned?.Receipts()?.Count ?? 0) < ReceiptLatency.MinSamples; tries++)
            {
                await Task.Delay(500);
                learned = await SmsRowAsync(health);
            }
            var wait = ReceiptLatency.Deadline(learned?.Receipts(), DateTimeOffset.UtcNow, floor, upper);
            report.Add(new Metric(Part, "learned SMS receipt wait at the outage", wait.TotalMilliseconds, "ms",
                Note: $"{learned?.Receipts()?.Count ?? 0} receipts known; floor {floor.TotalSeconds} s, bound {upper.TotalSeconds} s"));

            (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "silent" })).EnsureSuccessStatusCode();
            Console.WriteLine($"  SMS silent; {rate}/s for {options.OutageSeconds} s…");
            var outage = await OpenLoop.RunAsync(rate, options.OutageSeconds,
                async i => await merchant.PostAsync(BenchOrders.Body("OUT", OutageFirst + i)) == HttpStatusCode.Accepted);

            var normalNumbers = normal.Where(s => s.Accepted).Select(s => BenchOrders.Number("RCP", NormalFirst + s.Index)).ToList();
            var outageNumbers = outage.Where(s => s.Accepted).Select(s => BenchOrders.Number("OUT", OutageFirst + s.Index)).ToList();
            var limit = options.Short ? TimeSpan.FromSeconds(40) : upper + TimeSpan.FromMinutes(1);
            var confirmed = await Observers.AwaitAsync(() => observers.ConfirmedAsync(merchant.Id), [.. normalNumbers, .. outageNumbers], limit);
            var rows = await observers.OrdersAsync(merchant.Id);

            // 7a: a second message is a second attempt that was actually handed to a provider.
            var normalRows = normalNumbers.Where(rows.ContainsKey).Select(n => DeliveryRows.Read(rows[n])).ToList();
            var second = normalRows.Count(d => d.Attempts.Skip(1).Any(a => a.Status is not (AttemptStatus.Cancelled or AttemptStatus.Queued)));
            var timedOut = normalRows.Count(d => d.Attempts.Any(a => a.Status == AttemptStatus.TimedOut));
            report.Add(new Metric(Part, "7a normal traffic: orders confirmed", normalNumbers.Count(confirmed.ContainsKey), $"of {normalNumbers.Count}"));
            report.Add(new Metric(Part, "7a orders with a second message", normalRows.Count == 0 ? null : 100.0 * second / normalRows.Count, "%", "≤ 1 %",
                normalRows.Count == 0 ? null : 100.0 * second / normalRows.Count <= 1, Note: $"{second} orders; {timedOut} SMS timed out"));
            report.Add(new Metric(Part, "7a late receipts counted on the SMS row", (await SmsRowAsync(health))?.LateReceipts, "receipts"));

            // 7b: from each order's POST to its confirmation by the fallback.
            var sms = await observers.SmsAsync();
            var silentSms = outage.Where(s => s.Accepted && sms.ContainsKey(BenchOrders.Phone(OutageFirst + s.Index)))
                .Select(s => sms[BenchOrders.Phone(OutageFirst + s.Index)]).ToList();
            var toFallback = Stats.Of(outage.Where(s => s.Accepted && confirmed.ContainsKey(BenchOrders.Number("OUT", OutageFirst + s.Index)))
                .Select(s => (confirmed[BenchOrders.Number("OUT", OutageFirst + s.Index)] - s.Due).TotalMilliseconds));
            var byEmail = outageNumbers.Count(n => rows.TryGetValue(n, out var r) && r.ConfirmedBy == "email");
            report.Add(new Metric(Part, "7b outage: orders confirmed by e-mail", byEmail, $"of {outageNumbers.Count}", Note: $"{silentSms.Count} tried SMS first"));
            report.Add(new Metric(Part, "7b POST → confirmed by fallback p50", toFallback?.P50, "ms"));
            report.Add(new Metric(Part, "7b POST → confirmed by fallback p99", toFallback?.P99, "ms", "≤ 60000 ms", toFallback is null ? null : toFallback.P99 <= 60_000));
            report.Add(new Metric(Part, "7b POST → confirmed by fallback max", toFallback?.Max, "ms"));
            var down = await SmsRowAsync(health);
            var downAfter = silentSms.Count > 0 && down?.OutageStart is { } start ? (start - silentSms.Min()).TotalMilliseconds : (double?)null;
            report.Add(new Metric(Part, "7b first silent SMS → SMS marked down", downAfter, "ms", Note: down?.OutageStart is null ? "never marked down" : null));
        }
        finally
        {
            stack.TwilioReceipts.DeliveredMedian = null;
            stack.TwilioReceipts.DeliveredP99 = null;
            (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "normal" })).EnsureSuccessStatusCode();
        }
    }

    private static async Task<ChannelHealthEntity?> SmsRowAsync(TableClient health)
    {
        var row = await health.GetEntityIfExistsAsync<ChannelHealthEntity>(ChannelHealthEntity.Partition, "sms");
        return row.HasValue ? row.Value : null;
    }
}
