using Azure;
using Azure.Data.Tables;

namespace Notify.Broadcasts;

/// <summary>
/// A broadcast's own row in MerchantData (RowKey <c>broadcast|{broadcastId}</c>); its recipients follow it
/// (<see cref="RecipientEntity"/>). Also written under the request's <c>broadcastkey|{Idempotency-Key}</c>, in the same
/// transaction, so a repeated request finds the first answer.
/// </summary>
public sealed class BroadcastEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The broadcast id.</summary>
    public string BroadcastId { get; set; } = "";
    /// <summary>SHA-256 of the request, to tell a repeat from another broadcast under the same key.</summary>
    public string RequestHash { get; set; } = "";
    /// <summary>The merchant's text as posted.</summary>
    public string Message { get; set; } = "";
    /// <summary>Customers it goes to.</summary>
    public int Recipients { get; set; }
    /// <summary>Sent in quiet hours too.</summary>
    public bool Urgent { get; set; }
    /// <summary>When it was accepted.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When sending starts (the end of quiet hours), or <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset ReleaseAt { get; set; }
    /// <summary>True once every recipient row is written and scheduled.</summary>
    public bool Prepared { get; set; }
    /// <summary>True once the merchant cancelled it.</summary>
    public bool Cancelled { get; set; }
}
