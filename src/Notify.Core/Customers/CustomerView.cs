namespace Notify.Customers;

/// <summary>A contact as a merchant reads and exports it; <c>customerId</c> names it for erasure.</summary>
public sealed record ContactView(
    string CustomerId, string Name, string? Phone, string? Email, string? Locale, string LastOrderId, string LastOrderNumber, DateTimeOffset LastOrderAt)
{
    /// <summary>The view of a stored customer row whose id is <paramref name="customerId"/>.</summary>
    public static ContactView From(CustomerEntity e, string customerId) =>
        new(customerId, e.Name, e.Phone, e.Email, e.Locale, e.LastOrderId, e.LastOrderNumber, e.LastOrderAt);
}
