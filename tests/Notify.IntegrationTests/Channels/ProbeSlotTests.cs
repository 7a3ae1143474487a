using Azure.Data.Tables;
using Notify.IntegrationTests.Support;
using Notify.Storage;

namespace Notify.IntegrationTests.Channels;

/// <summary>A probe slot of a channel that is down is taken only by a delivery that actually sends on it.</summary>
[Collection(SweepCollection.Name)]
public sealed class ProbeSlotTests(SweepApp app)
{
    [Fact]
    public async Task Event_that_needs_no_channel_takes_no_probe_slot_and_the_next_send_does()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        await app.Sandbox.SetModeAsync("fail", status: 503);
        var orders = new List<string>();
        for (var i = 0; i < SweepApp.FailureThreshold; i++)
        {
            orders.Add(await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail())));
            await merchant.ConfirmationAsync(orders[^1], "confirmed");
        }
        await Eventually.MatchAsync(SmsRowAsync, row => row.GetString("State") == "down", what: "SMS to be down");
        await app.Sandbox.SetModeAsync("normal");
        app.Advance(SweepApp.Cooldown + TimeSpan.FromSeconds(1));

        // A late receipt for a delivery already confirmed by e-mail moves nothing on: it must not use up the probe.
        using var late = await TwilioSignature.PostReceiptAsync(app, $"{merchant.Id}.{orders[0]}.1", "undelivered", "SMlate", NotifyApp.TwilioAuthToken);
        Assert.True(late.IsSuccessStatusCode, $"{(int)late.StatusCode}");
        var untouched = await SmsRowAsync();
        Assert.Equal("down", untouched.GetString("State"));
        Assert.Equal(0, untouched.GetInt32("Probes"));

        // The next order does send on SMS: it takes the slot, and its delivery brings SMS back.
        var probe = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
        Assert.Equal("sms", (await merchant.ConfirmationAsync(probe, "confirmed"))["confirmedBy"]!.GetValue<string>());
        await Eventually.MatchAsync(SmsRowAsync, row => row.GetString("State") == "up", what: "SMS to be up again");
    }

    private async Task<TableEntity> SmsRowAsync() =>
        (await app.Storage.Table(StorageNames.ChannelHealthTable).GetEntityAsync<TableEntity>("channel", "sms")).Value;
}
