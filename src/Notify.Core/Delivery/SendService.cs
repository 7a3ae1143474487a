using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Channels.Health;
using Notify.Configuration;
using Notify.Merchants;
using Notify.Orders;

namespace Notify.Delivery;

/// <summary>Sends one attempt over its channel: claim it, talk to the provider once, record the answer.</summary>
public sealed class SendService(
    MerchantStore merchants, DeliveryRunner runner, ChannelRegistry channels, ChannelHealth health,
    IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Sends attempt <c>message.Attempt</c> if it is still queued. A redelivered message finds it claimed or done
    /// and sends nothing, so a provider never gets the same attempt twice.
    /// </summary>
    public async Task SendAsync(string channelName, SendMessage message, CancellationToken ct)
    {
        OrderEntity? row = null;
        var claimed = await runner.ApplyAsync(message.MerchantId, message.OrderId, (order, state) =>
        {
            row = order;
            // An erased customer is unsendable whatever the delivery says (Customers/Erasure).
            return state.Current?.Channel == channelName && order.ErasedAt is null ? DeliveryMachine.Claim(state, message.Attempt) : null;
        }, ct);
        if (claimed is null)
        {
            return;
        }
        var merchant = await merchants.FindAsync(message.MerchantId, ct)
                       ?? throw new InvalidOperationException($"Merchant {message.MerchantId} of a claimed delivery is gone.");
        var channel = channels[channelName];
        var result = await channel.SendAsync(new OutboundConfirmation(merchant, message.OrderId, OrderRows.ToOrder(row!), message.Attempt), ct);

        var available = await health.AvailableAsync(ct);
        var timings = DeliveryTimings.From(options.Value);
        // The claim left `row` as saved, with its new ETag: no second read unless a receipt or the sweep moved it on.
        await runner.ApplyAsync(message.MerchantId, message.OrderId, row, (_, state) =>
            DeliveryMachine.RecordSend(state, message.Attempt, result, clock.GetUtcNow(), timings, available), ct);
    }
}
