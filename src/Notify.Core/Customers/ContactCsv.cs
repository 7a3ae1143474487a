using Notify.Common;

namespace Notify.Customers;

/// <summary>The columns of a contact-list export.</summary>
public static class ContactCsv
{
    /// <summary>One row per contact.</summary>
    public static readonly IReadOnlyList<CsvColumn<ContactView>> Columns =
    [
        new("customerId", c => c.CustomerId),
        new("name", c => c.Name),
        new("phone", c => c.Phone),
        new("email", c => c.Email),
        new("locale", c => c.Locale),
        new("lastOrderId", c => c.LastOrderId),
        new("lastOrderNumber", c => c.LastOrderNumber),
        new("lastOrderAt", c => c.LastOrderAt),
    ];
}
