namespace Notify.Intake;

/// <summary>The order a merchant posts, as it arrives: anything may be missing. Unknown fields are ignored.</summary>
public sealed record OrderSubmission(
    string? OrderNumber,
    DateTimeOffset? PlacedAt,
    CustomerSubmission? Customer,
    IReadOnlyList<ItemSubmission?>? Items,
    decimal? Total,
    string? Currency,
    FulfillmentSubmission? Fulfillment,
    string? Note);

/// <summary>The customer as posted.</summary>
public sealed record CustomerSubmission(string? Name, string? Phone, string? Email, string? Locale);

/// <summary>One order line as posted.</summary>
public sealed record ItemSubmission(string? Name, int? Quantity, decimal? UnitPrice);

/// <summary>How and when the order is handed over, as posted.</summary>
public sealed record FulfillmentSubmission(string? Type, DateTimeOffset? At);
