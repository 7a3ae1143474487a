using Notify.Delivery;
using Notify.IntegrationTests.Support;
using Notify.Storage;

namespace Notify.IntegrationTests.Delivery;

/// <summary>Every queue handler tolerates being run twice; a poisoned send is a failed attempt, not a lost one.</summary>
[Collection(AppCollection.Name)]
public sealed class RedeliveryTests(NotifyApp app)
{
    [Fact]
    public async Task Send_message_delivered_twice_sends_one_sms()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));
        await merchant.ConfirmationAsync(orderId, "confirmed");

        await Queues.SendAsync(app, DeliveryQueues.Sms, new SendMessage(merchant.Id, orderId, 1));
        await Queues.DrainedAsync(app, DeliveryQueues.Sms);

        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
        Assert.Single((await merchant.ReadAsync(orderId))["confirmation"]!["attempts"]!.AsArray());
    }

    [Fact]
    public async Task Fan_out_message_delivered_twice_plans_one_delivery()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));
        await merchant.ConfirmationAsync(orderId, "confirmed");

        await Queues.SendAsync(app, Notify.Storage.StorageNames.FanOutQueue, new Notify.FanOut.FanOutMessage(merchant.Id, orderId));
        await Queues.DrainedAsync(app, Notify.Storage.StorageNames.FanOutQueue);

        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
        Assert.Single((await merchant.ReadAsync(orderId))["confirmation"]!["attempts"]!.AsArray());
    }

    [Fact]
    public async Task Poisoned_send_is_a_failed_attempt_and_the_order_is_confirmed_by_email()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        // Twilio hangs, so the SMS attempt stays claimed ("sending") while its message is poisoned.
        await app.Sandbox.SetModeAsync("hang", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));
        await Eventually.MatchAsync(() => merchant.ReadAsync(orderId),
            o => o["confirmation"]!["attempts"]!.AsArray().FirstOrDefault()?["status"]?.GetValue<string>() == "sending",
            what: "the SMS attempt to be sending");

        await Queues.SendAsync(app, DeliveryQueues.Sms + DeliveryQueues.PoisonSuffix, new SendMessage(merchant.Id, orderId, 1));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal("email", confirmation["confirmedBy"]!.GetValue<string>());
        Assert.Equal(("email", "delivered"), OrderSteps.Attempts(confirmation)[1]);
        Assert.Contains("poison", confirmation["attempts"]![0]!["error"]!.GetValue<string>());
        Assert.Single(await app.Mailbox.MailsToAsync(email));
    }
}
