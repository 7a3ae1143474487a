using Notify.Delivery.Pipeline;
using Notify.Telemetry;

namespace Notify.Delivery.Sending;

/// <summary>A send message that kept failing is a failed attempt, never a lost one: move the delivery on.</summary>
public sealed class PoisonService(DeliveryPipeline pipeline)
{
    /// <summary>Fails the poisoned attempt and reroutes, if it is still the one waiting.</summary>
    public async Task RerouteAsync(SendMessage message, CancellationToken ct)
    {
        using var span = NotifyTelemetry.StartFromMessage("poison", message, message.MerchantId, message.OrderId);
        await pipeline.RunAsync(message.MerchantId, message.OrderId, (context, _, state) => DeliveryMachine.Poison(state, message.Attempt, context), ct);
    }
}
