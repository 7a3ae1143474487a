using Notify.Merchants;
using Notify.Orders;

namespace Notify.Channels;

/// <summary>One way of confirming an order to its customer: SMS, e-mail or the merchant's webhook.</summary>
public interface IChannel
{
    /// <summary>The channel's name in chains and payloads (<see cref="ChannelNames"/>).</summary>
    string Name { get; }

    /// <summary>True when this channel has somewhere to send the confirmation (a phone, an e-mail, a webhook URL).</summary>
    bool CanReach(Merchant merchant, Customer customer);

    /// <summary>Sends the confirmation once. Never throws for a provider's failure: it is reported in the result.</summary>
    Task<SendResult> SendAsync(OutboundConfirmation confirmation, CancellationToken ct);

    /// <summary>
    /// Sends a merchant's notice (a broadcast) once. A channel that cannot carry free text (KakaoTalk AlimTalk sends
    /// approved templates only) keeps this default, and broadcasts leave it out of their chain.
    /// </summary>
    Task<SendResult> SendNoticeAsync(OutboundNotice notice, CancellationToken ct) =>
        Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.BroadcastNotSupported, $"The {Name} channel cannot send a notice."), Permanent: true));
}

/// <summary>What a channel is asked to send for a broadcast: the merchant's text, to one customer.</summary>
/// <param name="Merchant">The merchant sending it.</param>
/// <param name="DeliveryId">The recipient's delivery id (<see cref="Delivery.DeliveryIds"/>).</param>
/// <param name="Customer">Whom to send it to.</param>
/// <param name="Subject">The e-mail subject.</param>
/// <param name="Text">The whole text, with the shop's name and callback number.</param>
/// <param name="Attempt">The attempt's number within the delivery, from 1.</param>
public sealed record OutboundNotice(Merchant Merchant, string DeliveryId, Customer Customer, string Subject, string Text, int Attempt)
{
    /// <summary>Names this attempt in provider callbacks, as for a confirmation.</summary>
    public string AttemptKey => new AttemptKey(Merchant.Id, DeliveryId, Attempt).ToString();
}

/// <summary>What a channel is asked to send: the order, its merchant, and which attempt this is.</summary>
/// <param name="Merchant">The merchant whose order it is.</param>
/// <param name="OrderId">The order id.</param>
/// <param name="Order">The validated order with its customer.</param>
/// <param name="Attempt">The attempt's number within the delivery, from 1.</param>
public sealed record OutboundConfirmation(Merchant Merchant, string OrderId, Order Order, int Attempt)
{
    /// <summary>Names this attempt in provider callbacks: <c>{merchantId}.{orderId}.{attempt}</c>.</summary>
    public string AttemptKey => new AttemptKey(Merchant.Id, OrderId, Attempt).ToString();
}

/// <summary>How a send went.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="ProviderId">The provider's id for the message (Twilio's SID, the SMTP queue id), when known.</param>
/// <param name="Error">What went wrong, for the attempt's record.</param>
/// <param name="Segments">SMS segments billed, for SMS.</param>
/// <param name="Permanent">
/// The provider refused this message or recipient for good (an invalid number, a 4xx from a webhook): the channel
/// itself is fine, so the failure does not count against its shared health.
/// </param>
/// <param name="RetryAfter">For <see cref="SendStatus.Throttled"/>: how long to wait before sending again.</param>
public sealed record SendResult(
    SendStatus Status, string? ProviderId = null, string? Error = null, int? Segments = null, bool Permanent = false, TimeSpan? RetryAfter = null)
{
    /// <summary>How long a send a provider throttled (HTTP 429, after retries) waits before it is tried again.</summary>
    public static readonly TimeSpan Backpressure = TimeSpan.FromSeconds(2);
}

/// <summary>The outcome of one send.</summary>
public enum SendStatus
{
    /// <summary>Delivery is confirmed now (SMTP accepted the mail; the webhook answered 2xx).</summary>
    Delivered,
    /// <summary>The provider accepted it; a receipt will confirm or fail it later (Twilio).</summary>
    Accepted,
    /// <summary>The request may or may not have created a message (a timed-out create): wait, do not resend.</summary>
    Unknown,
    /// <summary>It was not sent; move to the next channel.</summary>
    Failed,
    /// <summary>
    /// The provider is at its rate limit (HTTP 429) and did not take it: back-pressure, not an outage. Send the same
    /// attempt again later; nothing counts against the channel.
    /// </summary>
    Throttled,
}
