using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Channels;

/// <summary>A channel down for everybody is noticed once, skipped, recorded, probed, and brought back.</summary>
[Collection(SweepCollection.Name)]
public sealed class ChannelHealthTests(SweepApp app)
{
    [Fact]
    public async Task Failing_sms_goes_down_once_is_skipped_then_probed_back_and_its_outage_closed()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        await app.Sandbox.SetModeAsync("fail", status: 503);

        for (var i = 0; i < SweepApp.FailureThreshold; i++)
        {
            var failing = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
            Assert.Equal([("sms", "failed"), ("email", "delivered")], OrderSteps.Attempts(await merchant.ConfirmationAsync(failing, "confirmed")));
        }
        var sms = await SmsAsync();
        Assert.Equal("down", sms["state"]!.GetValue<string>());
        Assert.Equal(SweepApp.FailureThreshold, sms["currentOutage"]!["failures"]!.GetValue<int>());

        // Down for everybody: the next order goes straight to e-mail and Twilio never hears of it.
        var skippedPhone = OrderSteps.NewPhone();
        var skipped = await merchant.PostOrderAsync(OrderSteps.ForCustomer(skippedPhone, OrderSteps.NewEmail()));
        Assert.Equal([("email", "delivered")], OrderSteps.Attempts(await merchant.ConfirmationAsync(skipped, "confirmed")));
        Assert.Equal(0, await app.Sandbox.RefusedAsync(skippedPhone));
        // The rescue is counted after the e-mail is confirmed, so the order can read confirmed a moment before the ledger does.
        var during = await Eventually.MatchAsync(
            async () => (await SmsAsync())["currentOutage"]!,
            o => o["affected"]!.GetValue<int>() == SweepApp.FailureThreshold + 1 && o["confirmedInstead"]?["email"]?.GetValue<int>() >= 2,
            what: "the failed-while-down and the skipped delivery to be counted as rescued by e-mail");
        Assert.Equal(SweepApp.FailureThreshold + 1, during["affected"]!.GetValue<int>());

        // Twilio recovers; after the cool-down one probe delivery tries SMS again and brings it back.
        await app.Sandbox.SetModeAsync("normal");
        app.Advance(SweepApp.Cooldown + TimeSpan.FromSeconds(1));
        var probe = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
        Assert.Equal("sms", (await merchant.ConfirmationAsync(probe, "confirmed"))["confirmedBy"]!.GetValue<string>());

        // The ledger closes the outage after the shared row says up: wait for both.
        var after = await Eventually.MatchAsync(SmsAsync,
            c => c["state"]!.GetValue<string>() == "up" && c["outages"]!.AsArray() is [{ } only] && only["end"] is not null,
            what: "SMS to be up again and its one outage closed");
        Assert.Null(after["currentOutage"]);
        var outage = Assert.Single(after["outages"]!.AsArray())!;
        Assert.NotNull(outage["end"]);
        Assert.True(outage["end"]!.GetValue<DateTimeOffset>() > outage["start"]!.GetValue<DateTimeOffset>());
        Assert.Equal(SweepApp.FailureThreshold + 1, outage["affected"]!.GetValue<int>());

        var resumed = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
        Assert.Equal("sms", (await merchant.ConfirmationAsync(resumed, "confirmed"))["confirmedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Channels_report_needs_the_operator_key()
    {
        using var response = await app.Http.GetAsync("/api/channels");

        await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.Unauthorized);
    }

    private async Task<JsonObject> SmsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/channels");
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await app.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["channels"]!.AsArray().Single(c => c!["channel"]!.GetValue<string>() == "sms")!.AsObject();
    }
}
