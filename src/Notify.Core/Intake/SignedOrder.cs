namespace Notify.Intake;

/// <summary>An order as it reaches intake: the route's merchant, the Standard Webhooks headers and the raw body.</summary>
public sealed record SignedOrder(
    string MerchantId,
    string? WebhookId,
    string? WebhookTimestamp,
    string? WebhookSignature,
    string? ContentType,
    Stream Body);

/// <summary>What intake answers for an order it stored or had stored before.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="IsNew">True for the first answer (202); false for a resend of the same order (200).</param>
public sealed record IntakeReceipt(string OrderId, bool IsNew);
