using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Configuration;

namespace Notify.Broadcasts;

/// <summary>
/// Holds each broadcast send until its channel's next slot at the configured rate. The release schedule
/// (<see cref="BroadcastPacing"/>) spreads recipients over whole seconds, as queue visibility goes; this evens out
/// what one process sends within them. Real time on purpose: a provider counts real seconds.
/// </summary>
public sealed class SendPacer(IOptions<NotifyOptions> options)
{
    private readonly Dictionary<string, DateTimeOffset> _next = [];
    private readonly object _gate = new();

    /// <summary>Waits for the next slot of <paramref name="channel"/>.</summary>
    public Task WaitAsync(string channel, CancellationToken ct)
    {
        var rate = BroadcastPacing.RateOf(channel, options.Value);
        if (rate <= 0)
        {
            return Task.CompletedTask;
        }
        TimeSpan wait;
        lock (_gate)
        {
            var now = TimeProvider.System.GetUtcNow();
            var slot = _next.TryGetValue(channel, out var next) && next > now ? next : now;
            _next[channel] = slot + TimeSpan.FromSeconds(1 / rate);
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, TimeProvider.System, ct) : Task.CompletedTask;
    }
}
