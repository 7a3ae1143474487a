using Azure;
using Azure.Data.Tables;

namespace Notify.Intake;

/// <summary>
/// The answer given to a <c>webhook-id</c> (RowKey <c>webhook|…</c>) or the claim on an order number
/// (RowKey <c>number|…</c>). Written in the same transaction as the order, so either all exist or none.
/// </summary>
public sealed class IntakeRecord : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The order the webhook or number belongs to.</summary>
    public string OrderId { get; set; } = "";
    /// <summary>The order's content hash (number records).</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The <c>webhook-id</c> that created the order.</summary>
    public string WebhookId { get; set; } = "";
}
