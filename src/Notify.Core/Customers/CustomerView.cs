namespace Notify.Customers;

/// <summary>A contact as a merchant reads and exports it.</summary>
public sealed record ContactView(string Name, string? Phone, string? Email, string? Locale, string LastOrderId, string LastOrderNumber, DateTimeOffset LastOrderAt)
{
    /// <summary>The view of a stored customer row.</summary>
    public static ContactView From(CustomerEntity e) => new(e.Name, e.Phone, e.Email, e.Locale, e.LastOrderId, e.LastOrderNumber, e.LastOrderAt);
}
