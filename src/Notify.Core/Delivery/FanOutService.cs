using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Channels.Health;
using Notify.Configuration;
using Notify.Merchants;
using Notify.Orders;
using Notify.Sweep;

namespace Notify.Delivery;

/// <summary>Plans an accepted order into one delivery: the merchant's chain, less what cannot reach this customer.</summary>
public sealed class FanOutService(
    MerchantStore merchants, DeliveryRunner runner, ChannelRegistry channels, ChannelHealth health,
    DeadlineIndex deadlines, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>Plans the delivery and enqueues its first send; running it again for the same order does nothing.</summary>
    public async Task<Step?> PlanAsync(string merchantId, string orderId, CancellationToken ct)
    {
        var merchant = await merchants.FindAsync(merchantId, ct);
        if (merchant is null)
        {
            return null;
        }
        var available = await health.AvailableAsync(ct);
        var timings = DeliveryTimings.From(options.Value);
        var step = await runner.ApplyAsync(merchantId, orderId, (order, state) =>
        {
            var customer = OrderRows.ToOrder(order).Customer;
            var chain = merchant.Channels.Where(name => channels[name].CanReach(merchant, customer)).ToList();
            var planned = DeliveryMachine.Plan(state, chain, clock.GetUtcNow(), timings, available);
            return planned is null ? null : planned with { Effects = [.. planned.Effects, new ClearDeadline(DeadlineKeys.FanOut, order.FanOutDueAt)] };
        }, ct);
        return step;
    }

    /// <summary>The fan-out kept failing: push its deadline out so the sweep tries again, and nothing is lost.</summary>
    public Task RetryLaterAsync(string merchantId, string orderId, CancellationToken ct) =>
        deadlines.ScheduleAsync(DeadlineKeys.FanOut, merchantId, orderId, clock.GetUtcNow() + options.Value.FanOutTimeout, ct);
}
