using Microsoft.Extensions.Options;
using Notify.Channels.Health;
using Notify.Configuration;

namespace Notify.Delivery;

/// <summary>A send message that kept failing is a failed attempt, never a lost one: move the delivery on.</summary>
public sealed class PoisonService(DeliveryRunner runner, ChannelHealth health, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>Fails the poisoned attempt and reroutes, if it is still the one waiting.</summary>
    public async Task RerouteAsync(SendMessage message, CancellationToken ct)
    {
        var available = await health.AvailableAsync(ct);
        var timings = DeliveryTimings.From(options.Value);
        await runner.ApplyAsync(message.MerchantId, message.OrderId, (_, state) =>
            DeliveryMachine.Poison(state, message.Attempt, clock.GetUtcNow(), timings, available), ct);
    }
}
