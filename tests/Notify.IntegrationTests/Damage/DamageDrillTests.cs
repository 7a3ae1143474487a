using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.IntegrationTests.Support;
using Notify.Sweep;

namespace Notify.IntegrationTests.Damage;

/// <summary>The damage report of a drill: SMS failing, then down, then silent, on a fake clock.</summary>
[Collection(SweepCollection.Name)]
public sealed class DamageDrillTests(SweepApp app)
{
    [Fact]
    public async Task Drill_window_counts_exactly_the_affected_orders_and_how_each_was_confirmed()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);

        // A week before the drill: one ordinary order, outside the window, counted as the week-earlier baseline.
        var lastWeek = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
        await merchant.ConfirmationAsync(lastWeek, "confirmed");
        // The window opens just under a week later, so that order falls in the same span a week earlier.
        app.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await app.FreshStartAsync();
        var from = app.Clock.GetUtcNow();

        // Before the drill: two orders confirmed by SMS, not affected.
        for (var i = 0; i < 2; i++)
        {
            var fine = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
            Assert.Equal("sms", (await merchant.ConfirmationAsync(fine, "confirmed"))["confirmedBy"]!.GetValue<string>());
        }

        // SMS fails: each order fails on SMS and is confirmed by e-mail, until SMS goes down.
        await app.Sandbox.SetModeAsync("fail", status: 503);
        var failedThenEmail = new List<string>();
        for (var i = 0; i < SweepApp.FailureThreshold; i++)
        {
            var order = OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail(), i == 0 ? "-DRILL-" + Guid.NewGuid().ToString("N")[..6] : null);
            var id = await merchant.PostOrderAsync(order);
            Assert.Equal([("sms", "failed"), ("email", "delivered")], OrderSteps.Attempts(await merchant.ConfirmationAsync(id, "confirmed")));
            failedThenEmail.Add(id);
        }

        // SMS is down: a customer with an e-mail gets it by e-mail; a customer with only a phone cannot be reached.
        var skipped = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
        await merchant.ConfirmationAsync(skipped, "confirmed");
        var unreached = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), null));
        await merchant.ConfirmationAsync(unreached, "exhausted");

        // SMS goes silent: the probe after the cool-down is accepted and never delivered; the sweep reroutes it to e-mail.
        await app.Sandbox.SetModeAsync("silent");
        app.Advance(SweepApp.Cooldown + TimeSpan.FromSeconds(1));
        var silent = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
        await merchant.ConfirmationAsync(silent, "sent");
        app.Advance(SweepApp.SmsReceiptTimeout + TimeSpan.FromSeconds(1));
        await app.Services.GetRequiredService<StallSweep>().RunAsync(CancellationToken.None);
        Assert.Equal([("sms", "timed-out"), ("email", "delivered")], OrderSteps.Attempts(await merchant.ConfirmationAsync(silent, "confirmed")));
        await app.Sandbox.SetModeAsync("normal");
        var to = app.Clock.GetUtcNow() + TimeSpan.FromSeconds(1);

        var report = await ReportAsync(merchant, from, to);

        Assert.Equal(8, report["orders"]!.GetValue<int>());
        Assert.Equal(6, report["affected"]!.GetValue<int>());
        Assert.Equal("""{"email":5}""", report["confirmedInstead"]!.ToJsonString());
        Assert.Equal(1, report["unreached"]!.GetValue<int>());
        var sms = report["passedOver"]!["sms"]!;
        Assert.Equal(6, sms["failed"]!.GetValue<int>() + sms["skipped"]!.GetValue<int>());
        var listed = report["affectedOrders"]!.AsArray().ToDictionary(o => o!["orderId"]!.GetValue<string>(), o => o!);
        Assert.Equal(failedThenEmail.Append(skipped).Append(unreached).Append(silent).Order(), listed.Keys.Order());
        Assert.Equal("exhausted", listed[unreached]["status"]!.GetValue<string>());
        Assert.Null(listed[unreached]["confirmedBy"]);
        Assert.Equal(["sms"], listed[silent]["failed"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.All(failedThenEmail.Append(skipped).Append(silent), id => Assert.Equal("email", listed[id]["confirmedBy"]!.GetValue<string>()));

        var confirmedCount = report["timeToConfirm"]!["confirmed"]!.GetValue<int>();
        Assert.Equal(7, confirmedCount);
        // The silent order waited out the receipt deadline before e-mail was tried: the slowest confirmation.
        Assert.True(report["timeToConfirm"]!["p95Ms"]!.GetValue<long>() >= (long)SweepApp.SmsReceiptTimeout.TotalMilliseconds, report["timeToConfirm"]!.ToJsonString());
        var smsOutages = report["outages"]!.AsArray().Where(o => o!["channel"]!.GetValue<string>() == "sms").ToList();
        Assert.NotEmpty(smsOutages);
        var hourly = report["hourly"]!.AsArray();
        Assert.Equal(8, hourly.Sum(h => h!["orders"]!.GetValue<int>()));
        Assert.Equal(1, hourly.Sum(h => h!["weekEarlier"]!.GetValue<int>()));
        Assert.All(hourly, h => Assert.EndsWith("+09:00", h!["hour"]!.GetValue<string>()));

        // The same report as CSV: a byte-order mark, Korean intact, formula-like text neutralised.
        using var csvResponse = await merchant.GetAsync($"/api/merchants/{merchant.Id}/damage?from={Q(from)}&to={Q(to)}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal("section", rows[0][0]);
        var affectedRows = rows.Where(r => r[0] == "affectedOrder").ToList();
        Assert.Equal(6, affectedRows.Count);
        Assert.All(affectedRows, r => Assert.Equal("김민지", r[rows[0].IndexOf("customerName")]));
        Assert.Contains(affectedRows, r => r[1].StartsWith("'-DRILL-", StringComparison.Ordinal));
        Assert.Equal("6", rows.Single(r => r[0] == "summary" && r[1] == "affected")[2]);
        Assert.Equal("5", rows.Single(r => r[0] == "confirmedInstead" && r[1] == "email")[2]);
    }

    private static async Task<JsonObject> ReportAsync(MerchantClient merchant, DateTimeOffset from, DateTimeOffset to)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/damage?from={Q(from)}&to={Q(to)}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        return body!;
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));
}
