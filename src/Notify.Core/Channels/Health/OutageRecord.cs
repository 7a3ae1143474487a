using Azure;
using Azure.Data.Tables;

namespace Notify.Channels.Health;

/// <summary>
/// A line of the outage ledger (Outages table: PartitionKey = channel, RowKey = <c>{outageId}|opened</c> or
/// <c>{outageId}|closed</c>). Lines are only ever inserted, so the evidence cannot be rewritten after the fact.
/// </summary>
public sealed class OutageRecord : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The outage id (time-ordered).</summary>
    public string OutageId { get; set; } = "";
    /// <summary>opened or closed.</summary>
    public string Event { get; set; } = "";
    /// <summary>When the channel went down.</summary>
    public DateTimeOffset Start { get; set; }
    /// <summary>When it came back (closed lines).</summary>
    public DateTimeOffset? End { get; set; }
    /// <summary>Failures counted.</summary>
    public int Failures { get; set; }
    /// <summary>Deliveries affected.</summary>
    public int Affected { get; set; }
    /// <summary>How affected deliveries were confirmed instead: JSON of channel → count.</summary>
    public string ConfirmedInsteadJson { get; set; } = "{}";
    /// <summary>The error that tipped it over (opened) or the last one seen (closed).</summary>
    public string? Error { get; set; }
}
