using Notify.Channels;
using Notify.Configuration;

namespace Notify.Broadcasts;

/// <summary>
/// Spreads a broadcast's recipients over time by the channel each starts on, at that channel's send rate, so a large
/// broadcast flows at what the provider allows instead of bursting into 429s.
/// </summary>
public sealed class BroadcastPacing(NotifyOptions options)
{
    private readonly Dictionary<string, int> _released = [];

    /// <summary>How long after the start the next recipient starting on <paramref name="channel"/> is released.</summary>
    public TimeSpan Next(string channel)
    {
        var n = _released.GetValueOrDefault(channel);
        _released[channel] = n + 1;
        var rate = RateOf(channel, options);
        return rate > 0 ? TimeSpan.FromMilliseconds(Math.Floor(n * 1000 / rate)) : TimeSpan.Zero;
    }

    /// <summary>The configured sends per second of <paramref name="channel"/>.</summary>
    public static double RateOf(string channel, NotifyOptions options) => channel switch
    {
        ChannelNames.Sms => options.SmsSendsPerSecond,
        ChannelNames.Email => options.EmailSendsPerSecond,
        _ => options.WebhookSendsPerSecond,
    };
}
