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
    MerchantStore merchants, DeliveryPipeline pipeline, DeliveryConditions conditions, ChannelRegistry channels, DeadlineIndex deadlines,
    IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The plan of a new order when intake can make it itself, before storing the order: the first channel of its chain
    /// is up, so the plan is only the first send and its pickup deadline. Null when anything more is involved (a channel
    /// skipped or probed, nothing able to reach the customer): the fan-out plans those, with the health and alert writes
    /// they take, off the intake's answer.
    /// </summary>
    public async Task<Step?> PlanAtIntakeAsync(Merchant merchant, string orderId, Customer customer, CancellationToken ct)
    {
        using var span = NotifyTelemetry.StartForOrder("fan-out", merchant.Id, orderId);
        var context = await conditions.NowAsync(ct);
        var step = DeliveryMachine.Plan(DeliveryState.Unplanned, ChainFor(merchant, orderId, customer), context);
        var simple = step is not null
                     && step.Effects.All(e => e is ScheduleDeadline or EnqueueSend)
                     && step.Effects.OfType<EnqueueSend>().All(send => !context.NeedProbe.Contains(send.Channel));
        span?.SetTag("notify.fanout.at_intake", simple);
        return simple ? step : null;
    }

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
            var planned = DeliveryMachine.Plan(state, ChainFor(merchant, orderId, OrderRows.ToOrder(order).Customer), context);
            return planned is null ? null : planned with { Effects = [.. planned.Effects, new ClearDeadline(DeadlineKeys.FanOut, order.FanOutDueAt)] };
        }, ct);
        return saved?.Step;
    }

    // The merchant's chain less what cannot reach this customer. KakaoTalk AlimTalk sends approved templates only: a
    // broadcast's free text skips it.
    private List<string> ChainFor(Merchant merchant, string orderId, Customer customer) =>
        merchant.Channels.Where(name => channels[name].CanReach(merchant, customer) && !(name == ChannelNames.Kakao && DeliveryIds.IsRecipient(orderId))).ToList();

    /// <summary>The fan-out kept failing: push its deadline out so the sweep tries again, and nothing is lost.</summary>
    public Task RetryLaterAsync(string merchantId, string orderId, CancellationToken ct) =>
        deadlines.ScheduleAsync(DeadlineKeys.FanOut, merchantId, orderId, clock.GetUtcNow() + options.Value.FanOutTimeout, ct);
}
