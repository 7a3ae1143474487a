using System.Net;
using System.Net.Http.Json;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;
using Notify.Delivery;
using Notify.Delivery.Pipeline;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 3b. Silent SMS: the sandbox accepts every SMS and never calls back. The self-host is restarted with a short receipt
/// timeout and a frequent sweep (real clock), and each order's reroute is timed from the SMS's acceptance at the
/// sandbox (its createdAt) to the sweep's reroute (attempt 2's <c>At</c>, the sweep's own clock reading), against the
/// bound receipt timeout + send margin (2 s) + sweep interval. Channel health is kept out of the way: the failure threshold is raised so
/// every order tries SMS first (with the default 5, SMS goes down for everybody after 5 timeouts and later orders skip it).
/// </summary>
public static class SilentScenario
{
    private const string Part = "3 failover";
    private const int FirstIndex = 500_000;
    private const double Rate = 10;
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(LocalStack stack, HttpClient app, HttpClient sandbox, Observers observers, BenchmarkOptions options, RunReport report)
    {
        await stack.RestartAppAsync(
            $"--Notify:SmsReceiptTimeout={ReceiptTimeout}",
            $"--Notify:SweepSchedule=*/{SweepInterval.TotalSeconds} * * * * *",
            "--Notify:ChannelFailureThreshold=1000000");
        var merchant = await BenchMerchant.CreateAsync(app, "bench-silent");
        await observers.DrainAsync(TimeSpan.FromSeconds(options.Short ? 15 : 60));
        (await sandbox.DeleteAsync("/sandbox/messages")).EnsureSuccessStatusCode();
        (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "silent" })).EnsureSuccessStatusCode();
        try
        {
            // A send's deadline row is written when it is queued, at most the send margin after its receipt deadline.
            var bound = ReceiptTimeout + DeliveryTimings.SendMargin + SweepInterval;
            Console.WriteLine($"  SMS silent; receipt timeout {ReceiptTimeout.TotalSeconds} s, sweep every {SweepInterval.TotalSeconds} s; {options.SilentOrders} orders at {Rate}/s…");
            var sent = await OpenLoop.RunAsync(Rate, options.SilentOrders / Rate,
                async i => await merchant.PostAsync(BenchOrders.Body("SIL", FirstIndex + i)) == HttpStatusCode.Accepted);
            var accepted = sent.Where(s => s.Accepted).Select(s => FirstIndex + s.Index).ToList();
            var byEmail = await Observers.AwaitAsync(() => observers.ConfirmedAsync(merchant.Id, "email"),
                accepted.Select(i => BenchOrders.Number("SIL", i)).ToList(), bound + TimeSpan.FromSeconds(options.Short ? 20 : 60));
            var sms = await observers.SmsAsync();
            var rows = await observers.OrdersAsync(merchant.Id);

            var toReroute = new List<double>();
            var toEmail = new List<double>();
            foreach (var i in accepted)
            {
                if (!sms.TryGetValue(BenchOrders.Phone(i), out var smsAt) || !rows.TryGetValue(BenchOrders.Number("SIL", i), out var row))
                {
                    continue;
                }
                var attempts = DeliveryRows.Read(row).Attempts;
                if (attempts is [{ Channel: "sms", Status: AttemptStatus.TimedOut }, { Channel: "email" } second, ..])
                {
                    toReroute.Add((second.At - smsAt).TotalMilliseconds);
                }
                if (byEmail.TryGetValue(row.OrderNumber, out var mailAt))
                {
                    toEmail.Add((mailAt - smsAt).TotalMilliseconds);
                }
            }
            if (toReroute.Count < accepted.Count)
            {
                var states = rows.Values.GroupBy(r => $"{r.ConfirmationStatus}: {string.Join(", ", DeliveryRows.Read(r).Attempts.Select(a => $"{a.Channel} {a.Status}"))}");
                Console.WriteLine($"  not all rerouted ({sms.Count} SMS at the sandbox); deliveries: {string.Join("; ", states.Select(g => $"{g.Count()} × {g.Key}"))}");
            }
            var overBound = Stats.Of(toReroute.Select(ms => ms - bound.TotalMilliseconds));
            var reroute = Stats.Of(toReroute);
            var email = Stats.Of(toEmail);
            report.Add(new Metric(Part, $"silent SMS: bound = timeout {ReceiptTimeout.TotalSeconds} s + send margin {DeliveryTimings.SendMargin.TotalSeconds} s + sweep {SweepInterval.TotalSeconds} s", bound.TotalMilliseconds, "ms"));
            report.Add(new Metric(Part, "silent SMS: timed out and rerouted by the sweep", toReroute.Count, $"of {accepted.Count}"));
            report.Add(new Metric(Part, "silent SMS: acceptance → reroute p50", reroute?.P50, "ms"));
            report.Add(new Metric(Part, "silent SMS: acceptance → reroute max", reroute?.Max, "ms"));
            report.Add(new Metric(Part, "silent SMS: reroute − bound p50", overBound?.P50, "ms"));
            report.Add(new Metric(Part, "silent SMS: reroute − bound p99", overBound?.P99, "ms"));
            report.Add(new Metric(Part, "silent SMS: reroute − bound max (every order)", overBound?.Max, "ms", "≤ 2000 ms",
                overBound is null ? null : overBound.Max <= 2000 && toReroute.Count == accepted.Count));
            report.Add(new Metric(Part, "silent SMS: acceptance → confirmed by e-mail p50", email?.P50, "ms"));
            report.Add(new Metric(Part, "silent SMS: acceptance → confirmed by e-mail max", email?.Max, "ms", Note: $"{email?.Count ?? 0} of {accepted.Count}"));
        }
        finally
        {
            (await sandbox.PutAsJsonAsync("/sandbox/mode", new { mode = "normal" })).EnsureSuccessStatusCode();
        }
    }
}
