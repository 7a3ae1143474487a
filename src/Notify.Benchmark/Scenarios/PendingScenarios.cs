using Notify.Benchmark.Report;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// Parts of issue 5 that need the sweep (src/Notify.Core/Sweep/), which is being built now. They report
/// "not measured yet" until it lands.
/// </summary>
public static class PendingScenarios
{
    public static void Report(RunReport report)
    {
        // TODO(3b, silent): PUT /sandbox/mode {"mode":"silent"}; post orders; time from the sandbox's createdAt (SMS
        // accepted) to the reroute (the e-mail at maildev, or the attempt recorded on the order) against
        // Notify:SmsReceiptTimeout + the sweep interval. Goal: within 2 s of that bound. Needs the sweep.
        report.Add(new Metric("3 failover", "silent SMS: acceptance → reroute minus bound", null, "ms", "≤ 2000 ms", Note: "TODO: needs the sweep"));

        // TODO(4, sweep scaling): write 100 due deadlines among 1,000 and among 100,000 settled deliveries straight
        // into Deadlines/MerchantData, run one sweep each (in-process, by its service), count entities read (the
        // request counter plus the sweep's own count) and time it. Goal: time(100,000) / time(1,000) ≤ 1.2.
        report.Add(new Metric("4 sweep", "one sweep, 100 due among 1,000", null, "ms", Note: "TODO: needs the sweep"));
        report.Add(new Metric("4 sweep", "one sweep, 100 due among 100,000", null, "ms", Note: "TODO: needs the sweep"));
        report.Add(new Metric("4 sweep", "ratio 100,000 / 1,000", null, "", "≤ 1.2", Note: "TODO: needs the sweep"));
    }
}
