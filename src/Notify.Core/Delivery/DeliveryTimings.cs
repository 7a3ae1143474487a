using Notify.Channels;
using Notify.Channels.Health;
using Notify.Configuration;

namespace Notify.Delivery;

/// <summary>How long each waiting state may last before the sweep treats it as stalled.</summary>
/// <param name="SendPickup">From queueing a send until it is done.</param>
/// <param name="SmsReceipt">From Twilio accepting an SMS until its delivery receipt.</param>
/// <param name="KakaoReceipt">From SOLAPI accepting an AlimTalk until its result; <paramref name="SmsReceipt"/> when null.</param>
/// <param name="KakaoPoll">How often SOLAPI is asked for an AlimTalk's result; <paramref name="SendPickup"/> when null.</param>
/// <param name="Learned">Adaptive receipt waits by channel (<see cref="ReceiptLatency.Deadline"/>), used instead of the settings above.</param>
public sealed record DeliveryTimings(TimeSpan SendPickup, TimeSpan SmsReceipt, TimeSpan? KakaoReceipt = null, TimeSpan? KakaoPoll = null,
    IReadOnlyDictionary<string, TimeSpan>? Learned = null)
{
    /// <summary>The timings in the settings.</summary>
    public static DeliveryTimings From(NotifyOptions o) => new(o.SendPickupTimeout, o.SmsReceiptTimeout, o.KakaoReceiptTimeout, o.KakaoPollInterval);

    /// <summary>How long an accepted message on <paramref name="channel"/> may wait for its receipt.</summary>
    public TimeSpan ReceiptFor(string channel) => Learned?.GetValueOrDefault(channel) is { } learned && learned > TimeSpan.Zero
        ? learned
        : UpperReceiptFor(channel);

    /// <summary>The setting for <paramref name="channel"/>'s receipt wait: the upper bound of an adaptive one.</summary>
    public TimeSpan UpperReceiptFor(string channel) => channel switch
    {
        ChannelNames.Sms => SmsReceipt,
        ChannelNames.Kakao => KakaoReceipt ?? SmsReceipt,
        _ => SendPickup,
    };

    /// <summary>
    /// How long after a send is queued its index row is due: its receipt wait, plus <see cref="SendMargin"/> for the
    /// send itself, but never after its pickup deadline. The send writes no deadline of its own unless the row would
    /// come more than the margin after its receipt deadline.
    /// </summary>
    public TimeSpan WakeFor(string channel) => ReceiptFor(channel) + SendMargin < SendPickup ? ReceiptFor(channel) + SendMargin : SendPickup;

    /// <summary>The time a send is given, from being queued to being accepted, in <see cref="WakeFor"/>.</summary>
    public static readonly TimeSpan SendMargin = TimeSpan.FromSeconds(2);

    /// <summary>A polled channel's adaptive wait is never shorter than this many poll intervals.</summary>
    public const int MinPolls = 3;

    /// <summary>
    /// These timings with each receipt-reporting channel's adaptive wait, from the receipts its health
    /// <paramref name="rows"/> hold, at <paramref name="now"/>, never below <paramref name="floor"/> nor, for a polled
    /// channel, below <see cref="MinPolls"/> poll intervals.
    /// </summary>
    public DeliveryTimings Learn(IReadOnlyDictionary<string, ChannelHealthEntity> rows, DateTimeOffset now, TimeSpan floor)
    {
        var learned = new Dictionary<string, TimeSpan>();
        foreach (var channel in (string[])[ChannelNames.Sms, ChannelNames.Kakao])
        {
            var upper = UpperReceiptFor(channel);
            // A polled result is seen only at a poll, and none is asked for once the attempt has expired: the
            // histogram cannot learn of results slower than the wait, so a polled channel keeps a few polls' margin.
            var lowest = floor > TimeSpan.Zero && PollFor(channel) is { } poll && poll * MinPolls > floor ? poll * MinPolls : floor;
            var wait = ReceiptLatency.Deadline(rows.GetValueOrDefault(channel)?.Receipts(), now, lowest, upper);
            if (wait < upper)
            {
                learned[channel] = wait;
            }
        }
        return learned.Count == 0 ? this : this with { Learned = learned };
    }

    /// <summary>
    /// When Notify must ask the provider of <paramref name="channel"/> for an accepted message's result, because the
    /// provider does not call back (SOLAPI); null for channels whose provider reports by itself.
    /// </summary>
    public TimeSpan? PollFor(string channel) => channel == ChannelNames.Kakao ? KakaoPoll ?? SendPickup : null;
}
