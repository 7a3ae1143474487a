using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;
using Notify.Delivery;
using Notify.Delivery.Pipeline;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 3c and 3d. Failover for a Kakao-first merchant (kakao, sms, email, webhook). 3c: the KakaoTalk sandbox answers 503
/// to every send; time from each order's scheduled POST to its confirmation by SMS (the order row's write that records
/// Twilio's delivered receipt), with the app's own retry settings and channel health (after the failure threshold
/// kakao is down for everybody and later orders skip it). 3d: the KakaoTalk sandbox accepts every AlimTalk and never
/// reports a result; the self-host is restarted with a short <c>KakaoReceiptTimeout</c>, a 1 s poll and a frequent
/// sweep, and each reroute is timed from the AlimTalk's acceptance at the sandbox to the sweep's reroute (attempt 2's
/// <c>At</c>) against the bound receipt timeout + send margin (2 s) + sweep interval.
/// </summary>
public static class KakaoFailoverScenario
{
    private const string Part = "3 failover";
    private const int FailingFirst = 600_000;
    private const int SilentFirst = 700_000;
    private const double SilentRate = 10;
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(2);

    /// <summary>3c: SOLAPI failing with 503.</summary>
    public static async Task FailingAsync(LocalStack stack, HttpClient app, HttpClient kakao, Observers observers, BenchmarkOptions options, RunReport report)
    {
        await stack.RestartAppAsync();
        var merchant = await BenchMerchant.CreateAsync(app, "bench-kakao-failing", kakaoFirst: true);
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await kakao.PutAsJsonAsync("/sandbox/mode", new { mode = "fail", status = 503 })).EnsureSuccessStatusCode();
        try
        {
            Console.WriteLine($"  KakaoTalk failing with 503; offering {options.FailoverRate}/s for {options.FailoverSeconds} s…");
            var sent = await OpenLoop.RunAsync(options.FailoverRate, options.FailoverSeconds,
                async i => await merchant.PostAsync(BenchOrders.Body("KF", FailingFirst + i)) == HttpStatusCode.Accepted);
            var accepted = sent.Where(s => s.Accepted).ToList();
            var limit = TimeSpan.FromSeconds(options.Short ? 30 : 90);
            var bySms = await Observers.AwaitAsync(() => observers.ConfirmedAsync(merchant.Id, "sms"),
                accepted.Select(s => BenchOrders.Number("KF", FailingFirst + s.Index)).ToList(), limit);
            var toSms = Stats.Of(accepted.Where(s => bySms.ContainsKey(BenchOrders.Number("KF", FailingFirst + s.Index)))
                .Select(s => (bySms[BenchOrders.Number("KF", FailingFirst + s.Index)] - s.Due).TotalMilliseconds));
            var rows = await observers.OrdersAsync(merchant.Id);
            var triedKakao = rows.Values.Count(r => DeliveryRows.Read(r).Attempts is [{ Channel: "kakao" }, ..]);
            report.Add(new Metric(Part, "kakao 503 → confirmed by SMS", toSms?.Count, $"of {accepted.Count}"));
            report.Add(new Metric(Part, "kakao 503: orders that tried kakao (the rest skipped it while down)", triedKakao, $"of {accepted.Count}"));
            report.Add(new Metric(Part, "kakao 503: POST → confirmed by SMS p50", toSms?.P50, "ms"));
            report.Add(new Metric(Part, "kakao 503: POST → confirmed by SMS p99", toSms?.P99, "ms", "≤ 10000 ms", toSms is null ? null : toSms.P99 <= 10_000));
            report.Add(new Metric(Part, "kakao 503: POST → confirmed by SMS max", toSms?.Max, "ms"));
        }
        finally
        {
            (await kakao.PutAsJsonAsync("/sandbox/mode", new { mode = "normal" })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>3d: SOLAPI accepting and never reporting.</summary>
    public static async Task SilentAsync(LocalStack stack, HttpClient app, HttpClient kakao, Observers observers, BenchmarkOptions options, RunReport report)
    {
        await stack.RestartAppAsync(
            $"--Notify:KakaoReceiptTimeout={ReceiptTimeout}",
            "--Notify:KakaoPollInterval=00:00:01",
            $"--Notify:SweepSchedule=*/{SweepInterval.TotalSeconds} * * * * *",
            "--Notify:ChannelFailureThreshold=1000000");
        var merchant = await BenchMerchant.CreateAsync(app, "bench-kakao-silent", kakaoFirst: true);
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await kakao.DeleteAsync("/sandbox/messages")).EnsureSuccessStatusCode();
        (await kakao.PutAsJsonAsync("/sandbox/mode", new { mode = "silent" })).EnsureSuccessStatusCode();
        try
        {
            // A send's deadline row is written when it is queued, at most the send margin after its receipt deadline.
            var bound = ReceiptTimeout + DeliveryTimings.SendMargin + SweepInterval;
            Console.WriteLine($"  KakaoTalk silent; receipt timeout {ReceiptTimeout.TotalSeconds} s, sweep every {SweepInterval.TotalSeconds} s; {options.SilentOrders} orders at {SilentRate}/s…");
            var sent = await OpenLoop.RunAsync(SilentRate, options.SilentOrders / SilentRate,
                async i => await merchant.PostAsync(BenchOrders.Body("KS", SilentFirst + i)) == HttpStatusCode.Accepted);
            var accepted = sent.Where(s => s.Accepted).Select(s => SilentFirst + s.Index).ToList();
            var bySms = await Observers.AwaitAsync(() => observers.ConfirmedAsync(merchant.Id, "sms"),
                accepted.Select(i => BenchOrders.Number("KS", i)).ToList(), bound + TimeSpan.FromSeconds(options.Short ? 20 : 60));
            var alimTalks = await AcceptedAsync(kakao);
            var rows = await observers.OrdersAsync(merchant.Id);

            var toReroute = new List<double>();
            var toSms = new List<double>();
            foreach (var i in accepted)
            {
                if (!alimTalks.TryGetValue(BenchOrders.Phone(i), out var acceptedAt) || !rows.TryGetValue(BenchOrders.Number("KS", i), out var row))
                {
                    continue;
                }
                if (DeliveryRows.Read(row).Attempts is [{ Channel: "kakao", Status: AttemptStatus.TimedOut }, { Channel: "sms" } second, ..])
                {
                    toReroute.Add((second.At - acceptedAt).TotalMilliseconds);
                }
                if (bySms.TryGetValue(row.OrderNumber, out var smsAt))
                {
                    toSms.Add((smsAt - acceptedAt).TotalMilliseconds);
                }
            }
            var overBound = Stats.Of(toReroute.Select(ms => ms - bound.TotalMilliseconds));
            var reroute = Stats.Of(toReroute);
            var sms = Stats.Of(toSms);
            report.Add(new Metric(Part, $"silent kakao: bound = timeout {ReceiptTimeout.TotalSeconds} s + send margin {DeliveryTimings.SendMargin.TotalSeconds} s + sweep {SweepInterval.TotalSeconds} s", bound.TotalMilliseconds, "ms"));
            report.Add(new Metric(Part, "silent kakao: timed out and rerouted to SMS by the sweep", toReroute.Count, $"of {accepted.Count}"));
            report.Add(new Metric(Part, "silent kakao: acceptance → reroute p50", reroute?.P50, "ms"));
            report.Add(new Metric(Part, "silent kakao: reroute − bound max (every order)", overBound?.Max, "ms", "≤ 2000 ms",
                overBound is null ? null : overBound.Max <= 2000 && toReroute.Count == accepted.Count));
            report.Add(new Metric(Part, "silent kakao: acceptance → confirmed by SMS p50", sms?.P50, "ms"));
            report.Add(new Metric(Part, "silent kakao: acceptance → confirmed by SMS max", sms?.Max, "ms", Note: $"{sms?.Count ?? 0} of {accepted.Count}"));
        }
        finally
        {
            (await kakao.PutAsJsonAsync("/sandbox/mode", new { mode = "normal" })).EnsureSuccessStatusCode();
        }
    }

    // The sandbox's accepted AlimTalks: recipient (E.164) → when SOLAPI accepted it.
    private static async Task<Dictionary<string, DateTimeOffset>> AcceptedAsync(HttpClient kakao)
    {
        var all = await kakao.GetFromJsonAsync<JsonArray>("/sandbox/messages");
        var accepted = new Dictionary<string, DateTimeOffset>();
        foreach (var m in all!)
        {
            accepted.TryAdd(m!["to"]!.GetValue<string>(), m["createdAt"]!.GetValue<DateTimeOffset>());
        }
        return accepted;
    }
}
