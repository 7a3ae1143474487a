using Microsoft.Extensions.DependencyInjection;
using Notify.IntegrationTests.Support;
using Notify.Sweep;

namespace Notify.IntegrationTests.Sweep;

/// <summary>When a silent channel goes down, the deliveries still waiting on it move on in the same sweep, not at their own deadlines.</summary>
[Collection(SweepCollection.Name)]
public sealed class ChannelDownTests(SweepApp app)
{
    private StallSweep Sweep => app.Services.GetRequiredService<StallSweep>();

    [Fact]
    public async Task Sms_going_down_moves_on_the_sms_still_waiting_for_a_receipt()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        // Three silent SMS whose deadlines pass (the failure threshold takes SMS down), and two sent 150 s later, whose
        // deadlines, and the index rows intake wrote for them (a pickup timeout after), are still ahead when that happens.
        var first = await PostSilentAsync(merchant, 3);
        app.Advance(TimeSpan.FromSeconds(150));
        var later = await PostSilentAsync(merchant, 2);
        app.Advance(SweepApp.SmsReceiptTimeout - TimeSpan.FromSeconds(150) + TimeSpan.FromSeconds(1));

        var sweep = await Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(3, sweep.Rerouted);
        Assert.Equal(2, sweep.FromDown);
        // The outage counts all five: three timed out, two given up when it went down (one write for the two).
        var outage = (await app.Services.GetRequiredService<Notify.Channels.Health.ChannelHealth>().ReadAsync(CancellationToken.None, fresh: true))["sms"];
        Assert.Equal((5, 5), (outage.OutageFailures, outage.OutageAffected));
        foreach (var (orderId, phone, email) in first.Concat(later))
        {
            var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
            Assert.Equal([("sms", "timed-out"), ("email", "delivered")], OrderSteps.Attempts(confirmation));
            Assert.Single(await app.Sandbox.MessagesToAsync(phone));
            Assert.Single(await app.Mailbox.ArrivedAsync(email));
        }
        foreach (var (orderId, _, _) in later)
        {
            var sms = (await merchant.ReadAsync(orderId))["confirmation"]!["attempts"]![0]!;
            Assert.Equal("delivery.channel_down", sms["errorCode"]!.GetValue<string>());
        }
        // Their old deadlines were cleared with them: nothing is left to move when those come.
        app.Advance(TimeSpan.FromMinutes(2));
        var afterwards = await Sweep.RunAsync(CancellationToken.None);
        Assert.Equal(0, afterwards.Rerouted);
        Assert.Equal(0, afterwards.FromDown);
    }

    private async Task<List<(string OrderId, string Phone, string Email)>> PostSilentAsync(MerchantClient merchant, int count)
    {
        var posted = new List<(string, string, string)>();
        for (var i = 0; i < count; i++)
        {
            string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
            await app.Sandbox.SetModeAsync("silent", phone);
            var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));
            await merchant.ConfirmationAsync(orderId, "sent");
            posted.Add((orderId, phone, email));
        }
        return posted;
    }
}
