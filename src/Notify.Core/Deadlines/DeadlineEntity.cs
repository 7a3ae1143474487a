using Azure;
using Azure.Data.Tables;

namespace Notify.Deadlines;

/// <summary>
/// A row of the deadline index: PartitionKey = the due minute (UTC) and a shard, RowKey = kind, merchant and order.
/// The sweep reads partitions up to now, so it costs what is due, not what exists.
/// </summary>
public sealed class DeadlineEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>What is waiting; see <see cref="DeadlineKeys"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The merchant.</summary>
    public string MerchantId { get; set; } = "";
    /// <summary>The order.</summary>
    public string OrderId { get; set; } = "";
    /// <summary>When the wait is over.</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>For a receipt wait, the channel it waits on (found when that channel goes down); null for other waits.</summary>
    public string? Channel { get; set; }
    /// <summary>A sweep is handling it until then; others leave it alone.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

