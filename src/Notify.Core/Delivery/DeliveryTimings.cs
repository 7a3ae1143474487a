using Notify.Channels;
using Notify.Configuration;

namespace Notify.Delivery;

/// <summary>How long each waiting state may last before the sweep treats it as stalled.</summary>
/// <param name="SendPickup">From queueing a send until it is done.</param>
/// <param name="SmsReceipt">From Twilio accepting an SMS until its delivery receipt.</param>
public sealed record DeliveryTimings(TimeSpan SendPickup, TimeSpan SmsReceipt)
{
    /// <summary>The timings in the settings.</summary>
    public static DeliveryTimings From(NotifyOptions o) => new(o.SendPickupTimeout, o.SmsReceiptTimeout);

    /// <summary>How long an accepted message on <paramref name="channel"/> may wait for its receipt.</summary>
    public TimeSpan ReceiptFor(string channel) => channel == ChannelNames.Sms ? SmsReceipt : SendPickup;
}
