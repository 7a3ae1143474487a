using Notify.Common;

namespace Notify.Customers;

/// <summary>The columns of a contact-list export.</summary>
public static class ContactCsv
{
    /// <summary>One row per contact; the phone in E.164 and in national format, which spreadsheets keep as text.</summary>
    public static readonly IReadOnlyList<CsvColumn<ContactView>> Columns =
    [
        new("customerId", c => c.CustomerId, Verbatim: true),
        new("name", c => c.Name),
        new("phone", c => c.Phone, Verbatim: true),
        new("phoneNational", c => Contacts.ToNational(c.Phone), Verbatim: true),
        new("email", c => c.Email),
        new("locale", c => c.Locale, Verbatim: true),
        new("lastOrderId", c => c.LastOrderId, Verbatim: true),
        new("lastOrderNumber", c => c.LastOrderNumber),
        new("lastOrderAt", c => c.LastOrderAt, Verbatim: true),
    ];
}
