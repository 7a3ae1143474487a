using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Configuration;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Merchants;
using Notify.Orders;
using Notify.Telemetry;

namespace Notify.FanOut;

/// <summary>Plans an accepted order into one delivery: the merchant's chain, less what cannot reach this customer.</summary>
public sealed class FanOutService(
    MerchantStore merchants, DeliveryPipeline pipeline, ChannelRegistry channels, DeadlineIndex deadlines, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>Plans the order a fan-out message names, in the order's trace.</summary>
    public async Task<Step?> PlanAsync(FanOutMessage message, CancellationToken ct)
    {
        using var span = NotifyTelemetry.StartFromMessage("fan-out", message, message.MerchantId, message.OrderId);
        return await PlanAsync(message.MerchantId, message.OrderId, ct);
    }

    /// <summary>Plans the delivery and enqueues its first send; running it again for the same order does nothing.</summary>
    public async Task<Step?> PlanAsync(string merchantId, string orderId, CancellationToken ct)
    {
        if (await merchants.FindAsync(merchantId, ct) is not { } merchant)
        {
            return null;
        }
        var saved = await pipeline.RunAsync(merchantId, orderId, (context, order, state) =>
        {
            var customer = OrderRows.ToOrder(order).Customer;
            // KakaoTalk AlimTalk sends approved templates only: a broadcast's free text skips it.
            var chain = merchant.Channels
                .Where(name => channels[name].CanReach(merchant, customer) && !(name == ChannelNames.Kakao && DeliveryIds.IsRecipient(orderId))).ToList();
            var planned = DeliveryMachine.Plan(state, chain, context);
            return planned is null ? null : planned with { Effects = [.. planned.Effects, new ClearDeadline(DeadlineKeys.FanOut, order.FanOutDueAt)] };
        }, ct);
        return saved?.Step;
    }

    /// <summary>The fan-out kept failing: push its deadline out so the sweep tries again, and nothing is lost.</summary>
    public Task RetryLaterAsync(string merchantId, string orderId, CancellationToken ct) =>
        deadlines.ScheduleAsync(DeadlineKeys.FanOut, merchantId, orderId, clock.GetUtcNow() + options.Value.FanOutTimeout, ct);
}
