using Microsoft.Extensions.DependencyInjection;
using Notify.Channels.Health;
using Notify.Merchants;
using Notify.Orders;

namespace Notify.Delivery;

/// <summary>Runs a delivery's effects beyond storage: channel health reports and the merchant alert.</summary>
public sealed class DeliveryEffects(ChannelHealth health, MerchantStore merchants, MerchantAlerts alerts, IServiceProvider services) : IEffectHandler
{
    /// <inheritdoc />
    public async Task HandleAsync(Effect effect, string merchantId, OrderEntity order, DeliveryState state, CancellationToken ct)
    {
        switch (effect)
        {
            case ReportHealth report:
                await health.ReportAsync(report.Channel, report.Succeeded, report.Error, ct);
                break;
            case SkippedChannel skipped:
                await health.RecordSkippedAsync(skipped.Channel, ct);
                break;
            case Rescued rescued:
                await health.RecordRescueAsync(rescued.PassedOver, rescued.By, ct);
                break;
            case AlertMerchant:
                await AlertAsync(merchantId, order, ct);
                break;
        }
    }

    /// <summary>
    /// Alerts the merchant once per order: the alert is claimed (pending → sending) under the order's ETag before
    /// anything is sent, so the sweep and a redelivered message cannot send it again.
    /// </summary>
    public async Task AlertAsync(string merchantId, OrderEntity order, CancellationToken ct)
    {
        // Resolved here, not injected: the runner itself depends on this handler.
        var runner = services.GetRequiredService<DeliveryRunner>();
        var claimed = await runner.ApplyAsync(merchantId, order.OrderId, (_, s) =>
            // A late receipt can confirm an exhausted delivery before its alert goes out: then there is nothing to tell.
            s.Alert == AlertStates.Pending && s.Status == Orders.ConfirmationStates.Exhausted ? new Step(s with { Alert = AlertStates.Sending }, []) : null, ct);
        if (claimed is null || await merchants.FindAsync(merchantId, ct) is not { } merchant)
        {
            return;
        }
        var sent = await alerts.SendAsync(merchant, order.OrderId, OrderRows.ToOrder(order), ct);
        var outcome = sent ? AlertStates.Sent : AlertStates.Undeliverable;
        await runner.ApplyAsync(merchantId, order.OrderId, (_, s) =>
            s.Alert == AlertStates.Sending ? new Step(s with { Alert = outcome }, []) : null, ct);
    }
}
