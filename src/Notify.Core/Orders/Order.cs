namespace Notify.Orders;

/// <summary>A validated order: phones in E.164, amounts checked against each other.</summary>
public sealed record Order(
    string OrderNumber,
    DateTimeOffset PlacedAt,
    Customer Customer,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    string Currency,
    Fulfillment? Fulfillment,
    string? Note);

/// <summary>The customer's contact: a phone, an e-mail, or both.</summary>
public sealed record Customer(string Name, string? Phone, string? Email, string? Locale)
{
    /// <summary>The key a customer is filed under: the phone when there is one, else the e-mail.</summary>
    public string Key => Phone ?? Email!.ToLowerInvariant();
}

/// <summary>One order line.</summary>
public sealed record OrderItem(string Name, int Quantity, decimal UnitPrice);

/// <summary>How and when the order is handed over.</summary>
public sealed record Fulfillment(string Type, DateTimeOffset? At);
