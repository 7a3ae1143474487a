using System.Net;
using System.Net.Http.Json;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Report;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 3a. Failover: the sandbox answers 503 for every number; time from each order's scheduled POST to its e-mail being
/// accepted by maildev (the order row's write that records the acceptance; maildev's own times are whole seconds).
/// Every mail is also checked to have arrived at maildev. Uses the app's own retry and timeout settings.
/// </summary>
public static class FailoverScenario
{
    private const string Part = "3 failover";

    public static async Task RunAsync(HttpClient app, HttpClient sandbox, Observers observers, BenchmarkOptions options, RunReport report)
    {
        var merchant = await BenchMerchant.CreateAsync(app, "bench-failover");
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "fail", status = 503 })).EnsureSuccessStatusCode();
        try
        {
            Console.WriteLine($"  SMS failing with 503; offering {options.FailoverRate}/s for {options.FailoverSeconds} s…");
            var sent = await OpenLoop.RunAsync(options.FailoverRate, options.FailoverSeconds,
                async i => await merchant.PostAsync(BenchOrders.Body("FO", i)) == HttpStatusCode.Accepted);
            var accepted = sent.Where(s => s.Accepted).ToList();
            var limit = TimeSpan.FromSeconds(options.Short ? 30 : 90);
            var byEmail = await Observers.AwaitAsync(() => observers.ConfirmedAsync(merchant.Id, "email"), accepted.Select(s => BenchOrders.Number("FO", s.Index)).ToList(), limit);
            var mail = await Observers.AwaitAsync(observers.MailAsync, accepted.Select(s => BenchOrders.Email("FO", s.Index)).ToList(), limit);
            var toMail = Stats.Of(accepted.Where(s => byEmail.ContainsKey(BenchOrders.Number("FO", s.Index)))
                .Select(s => (byEmail[BenchOrders.Number("FO", s.Index)] - s.Due).TotalMilliseconds));
            report.Add(new Metric(Part, "SMS 503 → confirmed by e-mail", toMail?.Count, $"of {accepted.Count}"));
            report.Add(new Metric(Part, "SMS 503 → mail found at maildev", accepted.Count(s => mail.ContainsKey(BenchOrders.Email("FO", s.Index))), $"of {accepted.Count}"));
            report.Add(new Metric(Part, "SMS 503: POST → e-mail at maildev p50", toMail?.P50, "ms"));
            report.Add(new Metric(Part, "SMS 503: POST → e-mail at maildev p99", toMail?.P99, "ms", "≤ 10000 ms", toMail is null ? null : toMail.P99 <= 10_000));
            report.Add(new Metric(Part, "SMS 503: POST → e-mail at maildev max", toMail?.Max, "ms"));
        }
        finally
        {
            (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "normal" })).EnsureSuccessStatusCode();
        }
    }
}
