using Notify.Channels;
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
        // An SMS attempt a sender claimed and never finished: planned and claimed through the pipeline, with no send
        // message behind it, so no Twilio timeout can move it on before its poisoned message arrives.
        var orderId = await StoredDeliveries.ClaimedAsync(app, merchant.Id, OrderSteps.ForCustomer(phone, email), [ChannelNames.Sms, ChannelNames.Email]);
        Assert.Equal("sending", (await merchant.ReadAsync(orderId))["confirmation"]!["attempts"]![0]!["status"]!.GetValue<string>());

        await Queues.SendAsync(app, DeliveryQueues.Sms + DeliveryQueues.PoisonSuffix, new SendMessage(merchant.Id, orderId, 1));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal("email", confirmation["confirmedBy"]!.GetValue<string>());
        Assert.Equal(("email", "delivered"), OrderSteps.Attempts(confirmation)[1]);
        Assert.Contains("poison", confirmation["attempts"]![0]!["error"]!.GetValue<string>());
        Assert.Single(await app.Mailbox.ArrivedAsync(email));
        Assert.Empty(await app.Sandbox.MessagesToAsync(phone));
    }

    [Theory]
    [InlineData(ChannelNames.Email, ChannelNames.Sms)]
    [InlineData(ChannelNames.Webhook, ChannelNames.Sms)]
    public async Task Poisoned_email_or_webhook_send_is_a_failed_attempt_and_the_next_channel_confirms(string poisoned, string next)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        var orderId = await StoredDeliveries.ClaimedAsync(app, merchant.Id, OrderSteps.ForCustomer(phone, email), [poisoned, next]);

        await Queues.SendAsync(app, DeliveryQueues.For(poisoned) + DeliveryQueues.PoisonSuffix, new SendMessage(merchant.Id, orderId, 1));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal(next, confirmation["confirmedBy"]!.GetValue<string>());
        Assert.Equal((poisoned, "failed"), OrderSteps.Attempts(confirmation)[0]);
        Assert.Contains("poison", confirmation["attempts"]![0]!["error"]!.GetValue<string>());
        Assert.Empty(await app.Mailbox.MailsToAsync(email));
        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
    }

    [Fact]
    public async Task Poisoned_fan_out_pushes_its_deadline_out_for_the_sweep()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var orderId = await StoredDeliveries.UnplannedAsync(app, merchant.Id, OrderSteps.ForCustomer(OrderSteps.NewPhone(), null));
        var first = Assert.Single(await app.DeadlinesAsync(merchant.Id)).GetDateTimeOffset("DueAt")!.Value;

        await Queues.SendAsync(app, StorageNames.FanOutQueue + DeliveryQueues.PoisonSuffix, new Notify.FanOut.FanOutMessage(merchant.Id, orderId));

        // Nothing is planned or sent by the poison handler; the order waits for the sweep at a later deadline.
        await Eventually.MatchAsync(() => app.DeadlinesAsync(merchant.Id), rows => rows.Any(r => r.GetDateTimeOffset("DueAt") > first),
            what: "the fan-out deadline to be pushed out");
        Assert.Equal("pending", (await merchant.ReadAsync(orderId))["confirmation"]!["status"]!.GetValue<string>());
    }
}
