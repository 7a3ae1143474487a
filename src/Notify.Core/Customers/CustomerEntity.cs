using Azure;
using Azure.Data.Tables;

namespace Notify.Customers;

/// <summary>A customer contact in MerchantData (RowKey = <c>customer|{phone or e-mail}</c>), merged on every order.</summary>
public sealed class CustomerEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The name given on the latest order.</summary>
    public string Name { get; set; } = "";
    /// <summary>E.164 phone.</summary>
    public string? Phone { get; set; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }
    /// <summary>Preferred locale.</summary>
    public string? Locale { get; set; }
    /// <summary>The latest order's id.</summary>
    public string LastOrderId { get; set; } = "";
    /// <summary>The latest order's number.</summary>
    public string LastOrderNumber { get; set; } = "";
    /// <summary>When the latest order was accepted.</summary>
    public DateTimeOffset LastOrderAt { get; set; }
}
