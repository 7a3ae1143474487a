using Microsoft.Extensions.DependencyInjection;
using Notify.Channels;
using Notify.Delivery;
using Notify.Delivery.Sending;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Delivery;

/// <summary>Senders that claim one attempt at the same moment: one wins under the ETag, the others find it taken.</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentSendTests(NotifyApp app)
{
    [Fact]
    public async Task Eight_senders_claiming_one_attempt_at_once_send_one_sms_and_none_fails()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        var orderId = await StoredDeliveries.QueuedAsync(app, merchant.Id, OrderSteps.ForCustomer(phone, null), [ChannelNames.Sms]);
        var send = app.Services.GetRequiredService<SendService>();
        var message = new SendMessage(merchant.Id, orderId, 1);

        // Each loser's save fails on the ETag (412) and is tried again on the row the winner saved, where the attempt is
        // taken: it sends nothing and returns normally (a thrown 412 would be retried by the queue, then poisoned).
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => send.SendAsync(ChannelNames.Sms, message, CancellationToken.None))));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
    }
}
