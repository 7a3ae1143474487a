using Notify.Broadcasts;
using Notify.Channels;
using Notify.Delivery.Pipeline;
using Notify.Merchants;
using Notify.Common;
using Notify.Orders;
using Notify.Telemetry;

namespace Notify.Delivery.Sending;

/// <summary>Sends one attempt over its channel: claim it, talk to the provider once, record the answer.</summary>
public sealed class SendService(MerchantStore merchants, DeliveryPipeline pipeline, ChannelRegistry channels, BroadcastNotices notices)
{
    /// <summary>
    /// Sends attempt <c>message.Attempt</c> if it is still queued. A redelivered message finds it claimed or done
    /// and sends nothing, so a provider never gets the same attempt twice.
    /// </summary>
    public async Task SendAsync(string channelName, SendMessage message, CancellationToken ct)
    {
        using var span = NotifyTelemetry.StartFromMessage("send " + channelName, message, message.MerchantId, message.OrderId);
        span?.SetTag(NotifyTelemetry.ChannelTag, channelName);
        span?.SetTag(NotifyTelemetry.AttemptTag, message.Attempt);
        // An erased customer is unsendable whatever the delivery says (Customers/Erasure).
        var claimed = await pipeline.RunAsync(message.MerchantId, message.OrderId, (_, order, state) =>
            state.Current?.Channel == channelName && order.ErasedAt is null ? DeliveryMachine.Claim(state, message.Attempt) : null, ct);
        if (claimed is null)
        {
            return;
        }
        var merchant = await merchants.FindAsync(message.MerchantId, ct)
                       ?? throw new InvalidOperationException($"Merchant {message.MerchantId} of a claimed delivery is gone.");
        // A broadcast recipient's row carries the customer but not an order: it gets the broadcast's text instead.
        var result = DeliveryIds.IsRecipient(message.OrderId)
            ? await notices.SendAsync(channels[channelName], merchant, claimed.Row, message.Attempt, ct)
            : await channels[channelName].SendAsync(new OutboundConfirmation(merchant, message.OrderId, OrderRows.ToOrder(claimed.Row), message.Attempt), ct);

        span?.SetTag("notify.send.status", result.Status.Stored());
        // The claim's row holds the saved state and ETag: no second read unless a receipt or the sweep moved it on.
        await pipeline.RunAsync(message.MerchantId, message.OrderId, (context, _, state) =>
            DeliveryMachine.RecordSend(state, message.Attempt, result, context), ct, known: claimed.Row);
    }
}
