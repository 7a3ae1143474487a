using Notify.Delivery.Pipeline;

namespace Notify.Delivery.Sending;

/// <summary>A send message that kept failing is a failed attempt, never a lost one: move the delivery on.</summary>
public sealed class PoisonService(DeliveryPipeline pipeline)
{
    /// <summary>Fails the poisoned attempt and reroutes, if it is still the one waiting.</summary>
    public Task RerouteAsync(SendMessage message, CancellationToken ct) =>
        pipeline.RunAsync(message.MerchantId, message.OrderId, (context, _, state) => DeliveryMachine.Poison(state, message.Attempt, context), ct);
}
