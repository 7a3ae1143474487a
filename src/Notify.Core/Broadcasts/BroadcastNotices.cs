using Notify.Channels;
using Notify.Channels.Templates;
using Notify.Delivery;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Broadcasts;

/// <summary>Sends a broadcast recipient's attempt: the broadcast's text in the customer's language, over the channel.</summary>
public sealed class BroadcastNotices(MerchantData data, SendPacer pacer)
{
    /// <summary>Sends the notice of the recipient <paramref name="row"/> holds (loaded by the pipeline like an order row).</summary>
    public async Task<SendResult> SendAsync(IChannel channel, Merchant merchant, OrderEntity row, int attempt, CancellationToken ct)
    {
        var broadcast = await data.FindAsync<BroadcastEntity>(merchant.Id, RowKeys.Broadcast(DeliveryIds.BroadcastOf(row.OrderId)), ct);
        if (broadcast is null)
        {
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.BroadcastGone, "The broadcast is gone."), Permanent: true);
        }
        var customer = new Customer(row.CustomerName, row.CustomerPhone, row.CustomerEmail, row.CustomerLocale);
        var language = LanguageChoice.For(customer.Locale, merchant.Locale);
        var notice = new OutboundNotice(merchant, row.OrderId, customer, BroadcastText.Subject(merchant, language),
            BroadcastText.Compose(merchant, broadcast.Message, language), attempt);
        await pacer.WaitAsync(channel.Name, ct);
        return await channel.SendNoticeAsync(notice, ct);
    }
}
