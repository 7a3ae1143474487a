using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;
using Notify.Delivery;
using Notify.Storage;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 8. Saturation (issue 16): twice what intake can take is offered, open loop, on the app's default settings with a
/// healthy sandbox. Reported: what intake accepted and refused, how fast deliveries were confirmed while the load ran,
/// how long the backlog took to drain after it, and where the machine's CPU went. Confirmations are read from the
/// order rows once the queues have emptied, never per order while the load runs.
/// </summary>
public static class SaturationScenario
{
    private const string Part = "8 saturation";
    private const string Prefix = "SAT";
    private const int First = 600_000;

    /// <summary>How long a merchant's system waits for an answer before giving up (counted as a timeout).</summary>
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(15);

    private enum Answer { Accepted, Refused503RetryAfter, Refused503, Timeout, ConnectionError, Other }

    private sealed record Posted(Answer Answer, int Status, double Ms);

    public static async Task RunAsync(LocalStack stack, HttpClient app, HttpClient sandbox, Observers observers, BenchmarkOptions options, RunReport report)
    {
        await stack.RestartAppAsync();
        var merchant = await BenchMerchant.CreateAsync(app, "bench-saturation");
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await sandbox.DeleteAsync("/sandbox/messages")).EnsureSuccessStatusCode();

        var (capacity, source) = Capacity(options, report);
        var offered = 2 * capacity;
        string[] queues = [StorageNames.FanOutQueue, DeliveryQueues.Sms, DeliveryQueues.Email, DeliveryQueues.Webhook];
        await using var watch = new LoadWatch(stack.StorageConnection, queues, stack.Azurite.Process.Id);
        var answers = new ConcurrentDictionary<int, Posted>();
        var requestsBefore = stack.AppRequests.Snapshot();
        var failuresBefore = stack.AppRequests.Failures();
        var cpuStart = watch.Cpu();
        var loadStart = DateTimeOffset.UtcNow;
        Console.WriteLine($"  intake capacity {capacity:0.#}/s ({source}); offering {offered:0.#}/s for {options.SaturationSeconds} s…");
        var sent = await OpenLoop.RunAsync(offered, options.SaturationSeconds, async i =>
        {
            var answer = await PostAsync(merchant, i);
            answers[i] = answer;
            return answer.Answer == Answer.Accepted;
        });
        // The load ends when its last POST is answered (at most the client timeout after the last was sent).
        var loadEnd = DateTimeOffset.UtcNow;
        var cpuLoad = watch.Cpu();
        var backlogAtEnd = watch.LastBacklog;
        var window = (loadEnd - loadStart).TotalSeconds;

        var accepted = sent.Where(s => s.Accepted).Select(s => BenchOrders.Number(Prefix, First + s.Index)).ToHashSet();
        var cap = options.Short ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(10);
        Console.WriteLine($"  {accepted.Count} of {sent.Count} accepted in {window:0.0} s; backlog {backlogAtEnd} messages; draining (cap {cap.TotalMinutes} min)…");
        var confirmed = await AwaitConfirmedAsync(observers, watch, merchant.Id, accepted, loadEnd + cap, options.Short);
        var cpuDrain = watch.Cpu();
        var requests = RequestCounter.Between(requestsBefore, stack.AppRequests.Snapshot());
        var failures = RequestCounter.Between(failuresBefore, stack.AppRequests.Failures());

        // Offered and answered.
        var all = answers.Values.ToList();
        int Count(Answer a) => all.Count(p => p.Answer == a);
        report.Add(new Metric(Part, "intake capacity assumed (× 2 offered)", capacity, "orders/s",
            Note: source));
        report.Add(new Metric(Part, "offered", sent.Count / options.SaturationSeconds, "orders/s", Note: $"{sent.Count} orders over {options.SaturationSeconds} s, open loop"));
        report.Add(new Metric(Part, "scheduler lag max (load generator health)", sent.Max(s => s.LagMs), "ms"));
        report.Add(new Metric(Part, "load window (first POST → last answer)", window, "s"));
        var acceptedRate = accepted.Count / window;
        report.Add(new Metric(Part, "accepted (202) per second over the load window", acceptedRate, "orders/s", Note: $"{accepted.Count} orders"));
        report.Add(new Metric(Part, "refused: 503 with Retry-After", Count(Answer.Refused503RetryAfter), "orders"));
        report.Add(new Metric(Part, "refused: 503 without Retry-After", Count(Answer.Refused503), "orders"));
        report.Add(new Metric(Part, $"refused: no answer within {ClientTimeout.TotalSeconds} s", Count(Answer.Timeout), "orders"));
        report.Add(new Metric(Part, "refused: connection error", Count(Answer.ConnectionError), "orders"));
        var others = all.Where(p => p.Answer == Answer.Other).GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        report.Add(new Metric(Part, "refused: other status", Count(Answer.Other), "orders", Note: string.Join(", ", others)));
        var acceptedMs = Stats.Of(all.Where(p => p.Answer == Answer.Accepted).Select(p => p.Ms));
        report.Add(new Metric(Part, "202 answer time p50", acceptedMs?.P50, "ms"));
        report.Add(new Metric(Part, "202 answer time p99", acceptedMs?.P99, "ms"));

        // Confirmed while the load ran, and the drain after it.
        var times = accepted.Where(confirmed.ContainsKey).Select(n => confirmed[n]).ToList();
        var inWindow = times.Count(t => t <= loadEnd);
        var confirmedRate = inWindow / window;
        var windowRatio = acceptedRate == 0 ? (double?)null : confirmedRate / acceptedRate;
        report.Add(new Metric(Part, "confirmed per second over the load window", confirmedRate, "orders/s", Note: $"{inWindow} orders"));
        report.Add(new Metric(Part, "ratio confirmed/s ÷ accepted/s, load window", windowRatio, "", "≥ 0.9", windowRatio is { } r ? r >= 0.9 : null));
        var unconfirmed = accepted.Count - times.Count;
        var drained = unconfirmed == 0;
        var drain = drained ? Math.Max(0, times.Count == 0 ? 0 : (times.Max() - loadEnd).TotalSeconds) : cap.TotalSeconds;
        report.Add(new Metric(Part, "backlog at the end of the load (queue messages)", backlogAtEnd, "messages"));
        report.Add(new Metric(Part, "drain time (end of load → last accepted order confirmed)", drained ? drain : null, "s",
            Note: drained ? null : $"not drained within the cap of {cap.TotalMinutes} min"));
        report.Add(new Metric(Part, "accepted orders unconfirmed at the end", unconfirmed, "orders", Note: drained ? null : $"at the cap, {cap.TotalMinutes} min after the load"));
        var overallRatio = acceptedRate == 0 ? (double?)null : times.Count / (window + drain) / acceptedRate;
        report.Add(new Metric(Part, "ratio confirmed/s ÷ accepted/s, load + drain", overallRatio, "", Note: drained ? "confirmed/s over load + drain ÷ accepted/s over the load" : "a bound: the drain was cut at the cap"));
        var notAccepted = confirmed.Keys.Count(n => !accepted.Contains(n));
        report.Add(new Metric(Part, "confirmed though refused (stored before a 503 or a timeout)", notAccepted, "orders"));
        var latency = Stats.Of(sent.Where(s => s.Accepted && confirmed.ContainsKey(BenchOrders.Number(Prefix, First + s.Index)))
            .Select(s => (confirmed[BenchOrders.Number(Prefix, First + s.Index)] - s.Due).TotalMilliseconds));
        report.Add(new Metric(Part, "POST → confirmed p50", latency?.P50, "ms"));
        report.Add(new Metric(Part, "POST → confirmed p99", latency?.P99, "ms"));

        // Queues, storage, CPU, memory.
        report.Add(new Metric(Part, "queue backlog peak (all queues, sampled each second)", watch.PeakBacklog, "messages",
            Note: string.Join(", ", watch.PeakByQueue.Select(kv => $"{kv.Key} {kv.Value}"))));
        var perOrder = accepted.Count == 0 ? 1 : accepted.Count;
        report.Operations["saturation (load + drain), per accepted order"] = requests.ToDictionary(kv => kv.Key, kv => kv.Value / (double)perOrder);
        report.Operations["saturation (load + drain), answers other than 2xx and requests unanswered, per accepted order"] = failures.ToDictionary(kv => kv.Key, kv => kv.Value / (double)perOrder);
        report.Add(new Metric(Part, "storage requests per accepted order (load + drain)", requests.Values.Sum() / (double)perOrder, "requests"));
        report.Add(new Metric(Part, "ETag conflicts (412), all orders together", failures.Where(kv => kv.Key.EndsWith(" 412", StringComparison.Ordinal)).Sum(kv => kv.Value), "requests"));
        report.Add(new Metric(Part, "storage requests unanswered (SDK timeouts, resets), all orders together", failures.Where(kv => kv.Key.Contains(':', StringComparison.Ordinal)).Sum(kv => kv.Value), "requests"));
        var (selfLoad, azuriteLoad) = cpuLoad.CoresSince(cpuStart);
        var (selfDrain, azuriteDrain) = cpuDrain.CoresSince(cpuLoad);
        report.Add(new Metric(Part, "CPU during the load: Azurite", azuriteLoad, "cores", Note: $"of {Environment.ProcessorCount}"));
        report.Add(new Metric(Part, "CPU during the load: .NET (self-host + sandboxes + load)", selfLoad, "cores"));
        report.Add(new Metric(Part, "CPU during the drain: Azurite", azuriteDrain, "cores"));
        report.Add(new Metric(Part, "CPU during the drain: .NET", selfDrain, "cores"));
        report.Add(new Metric(Part, "thread pool: most queued work items / threads", watch.PeakThreadPoolQueue, "items", Note: $"{watch.PeakThreads} threads at most"));
        report.Add(new Metric(Part, "peak GC heap / working set (this process)", watch.PeakHeapBytes / 1048576.0, "MiB", Note: $"working set {watch.PeakWorkingSetBytes / 1048576.0:0} MiB"));
        report.Add(new Metric(Part, "Azurite peak resident memory during the part", watch.PeakAzuriteBytes / 1048576.0, "MiB"));
    }

    // Part 1's measured HTTP intake rate when it ran (short mode: capped, so the part stays small), else the option.
    private static (double Rate, string Source) Capacity(BenchmarkOptions options, RunReport report)
    {
        if (options.SaturationRate is { } given)
        {
            return (given, "--saturation-rate");
        }
        var measured = report.Metrics.LastOrDefault(m => m.Part == "1 intake" && m.Name.StartsWith("HTTP intake, concurrency", StringComparison.Ordinal))?.Value;
        return measured switch
        {
            > 0 when options.Short && measured > options.DefaultSaturationRate => (options.DefaultSaturationRate, $"part 1 measured {measured:0.#}/s, capped in short mode"),
            > 0 => (measured.Value, "part 1's HTTP intake, this run"),
            _ => (options.DefaultSaturationRate, "default (part 1 did not run)"),
        };
    }

    private static async Task<Posted> PostAsync(BenchMerchant merchant, int index)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(ClientTimeout);
        try
        {
            var (status, retryAfter) = await merchant.PostForAnswerAsync(BenchOrders.Body(Prefix, First + index), timeout.Token);
            var answer = status switch
            {
                HttpStatusCode.Accepted => Answer.Accepted,
                HttpStatusCode.ServiceUnavailable when retryAfter => Answer.Refused503RetryAfter,
                HttpStatusCode.ServiceUnavailable => Answer.Refused503,
                _ => Answer.Other,
            };
            return new Posted(answer, (int)status, clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new Posted(Answer.Timeout, 0, clock.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return new Posted(Answer.ConnectionError, 0, clock.Elapsed.TotalMilliseconds);
        }
    }

    // Waits until the queues have emptied (a few cheap requests a second), then reads the merchant's confirmed orders,
    // again every 10 s (short: 1 s; each read scans the partition on Azurite), until every accepted order is confirmed
    // or the cap passes. Each confirmation's time is its row's Timestamp, so how often this looks does not change the
    // drain time it reports.
    private static async Task<Dictionary<string, DateTimeOffset>> AwaitConfirmedAsync(
        Observers observers, LoadWatch watch, string merchantId, HashSet<string> accepted, DateTimeOffset until, bool isShort)
    {
        var emptyInARow = 0;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            emptyInARow = watch.LastBacklog == 0 ? emptyInARow + 1 : 0;
            if (emptyInARow < 2 && DateTimeOffset.UtcNow < until)
            {
                continue;
            }
            var confirmed = await observers.ConfirmedAsync(merchantId);
            if (accepted.All(confirmed.ContainsKey) || DateTimeOffset.UtcNow >= until)
            {
                return confirmed;
            }
            await Task.Delay(TimeSpan.FromSeconds(isShort ? 1 : 10));
        }
    }
}
