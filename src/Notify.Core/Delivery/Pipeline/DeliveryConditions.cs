using Microsoft.Extensions.Options;
using Notify.Channels.Health;
using Notify.Configuration;

namespace Notify.Delivery.Pipeline;

/// <summary>The conditions a delivery event is decided under: the clock, the timings in the settings, the channels' health.</summary>
public sealed class DeliveryConditions(ChannelHealth health, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>The context for a transition now. Reads health; takes nothing (see <see cref="TryClaimProbeAsync"/>).</summary>
    public async Task<DeliveryContext> NowAsync(CancellationToken ct)
    {
        var availability = await health.AvailabilityAsync(ct);
        var now = clock.GetUtcNow();
        // The rows the availability was decided from: adaptive receipt deadlines cost no request.
        var timings = DeliveryTimings.From(options.Value).Learn(availability.Rows, now, options.Value.AdaptiveReceiptFloor);
        return new DeliveryContext(now, timings, availability.Available, availability.NeedProbe);
    }

    /// <summary>Takes one probe slot of a channel that is down, for a delivery that chose it; false when none is left.</summary>
    public Task<bool> TryClaimProbeAsync(string channel, CancellationToken ct) => health.TryClaimProbeAsync(channel, ct);
}
