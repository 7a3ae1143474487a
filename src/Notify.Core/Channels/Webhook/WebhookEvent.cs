namespace Notify.Channels.Webhook;

/// <summary>The JSON event posted to a merchant's webhook so the merchant can tell the customer.</summary>
/// <param name="Type">Always <see cref="OrderConfirmation"/>.</param>
/// <param name="MerchantId">The merchant.</param>
/// <param name="OrderId">Notify's order id.</param>
/// <param name="OrderNumber">The merchant's own order number.</param>
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
}

/// <summary>The customer as a webhook event names them.</summary>
/// <param name="Name">The customer's name.</param>
/// <param name="Phone">The phone in E.164, when known.</param>
/// <param name="Email">The e-mail, when known.</param>
public sealed record WebhookCustomer(string Name, string? Phone, string? Email);
