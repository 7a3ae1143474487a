namespace Notify.Channels.Webhook;

/// <summary>The JSON event posted to a merchant's webhook so the merchant can tell the customer.</summary>
/// <param name="Type"><see cref="OrderConfirmation"/>, or <see cref="BroadcastNotice"/> for a merchant's notice.</param>
/// <param name="MerchantId">The merchant.</param>
/// <param name="OrderId">Notify's order id; for a notice, the recipient's delivery id.</param>
/// <param name="OrderNumber">The merchant's own order number; empty for a notice.</param>
/// <param name="Customer">Who to tell.</param>
/// <param name="Message">The customer-facing confirmation text, ready to pass on.</param>
/// <param name="Attempt">The attempt's number within the delivery.</param>
/// <param name="OccurredAt">When this attempt was made.</param>
public sealed record WebhookEvent(
    string Type,
    string MerchantId,
    string OrderId,
    string OrderNumber,
    WebhookCustomer Customer,
    string Message,
    int Attempt,
    DateTimeOffset OccurredAt)
{
    /// <summary>The event type of an order confirmation.</summary>
    public const string OrderConfirmation = "order.confirmation";

    /// <summary>The event type of a merchant's notice to a customer (a broadcast): pass <c>message</c> on.</summary>
    public const string BroadcastNotice = "broadcast.notice";
}

/// <summary>The customer as a webhook event names them.</summary>
/// <param name="Name">The customer's name.</param>
/// <param name="Phone">The phone in E.164, when known.</param>
/// <param name="Email">The e-mail, when known.</param>
public sealed record WebhookCustomer(string Name, string? Phone, string? Email);
