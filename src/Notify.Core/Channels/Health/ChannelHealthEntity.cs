using Azure;
using System.Runtime.Serialization;
using Azure.Data.Tables;
using Notify.Common;

namespace Notify.Channels.Health;

/// <summary>One shared channel's health (ChannelHealth table: PartitionKey = <see cref="Partition"/>, RowKey = channel).</summary>
public sealed class ChannelHealthEntity : ITableEntity
{
    /// <summary>The one partition: three rows, read together.</summary>
    public const string Partition = "channel";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = Partition;
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>up, down or probing, as stored; see <see cref="Status"/>.</summary>
    public string State { get; set; } = ChannelState.Up.Stored();

    /// <summary><see cref="State"/> as the enum.</summary>
    [IgnoreDataMember]
    public ChannelState Status
    {
        get => StoredName<ChannelState>.Parse(State);
        set => State = value.Stored();
    }
    /// <summary>Start of the current failure-counting window.</summary>
    public DateTimeOffset WindowStart { get; set; }
    /// <summary>Failures in the current window.</summary>
    public int WindowFailures { get; set; }
    /// <summary>Successes in the current window, counted only once it has a failure (no write on the happy path).</summary>
    public int WindowSuccesses { get; set; }
    /// <summary>Short tags of the merchants whose deliveries failed in the current window, comma-separated (a few at most).</summary>
    public string WindowMerchants { get; set; } = "";
    /// <summary>The latest failure's text.</summary>
    public string? LastError { get; set; }
    /// <summary>Until when a channel that is down is skipped without probing.</summary>
    public DateTimeOffset? CooldownUntil { get; set; }
    /// <summary>Probe deliveries handed out since the cool-down ended.</summary>
    public int Probes { get; set; }
    /// <summary>The open outage's id, while down or probing.</summary>
    public string? OutageId { get; set; }
    /// <summary>When the open outage started.</summary>
    public DateTimeOffset? OutageStart { get; set; }
    /// <summary>Failures during the open outage.</summary>
    public int OutageFailures { get; set; }
    /// <summary>Deliveries that failed on or skipped this channel during the open outage.</summary>
    public int OutageAffected { get; set; }
    /// <summary>How those deliveries were confirmed instead: JSON of channel → count.</summary>
    public string ConfirmedInsteadJson { get; set; } = "{}";
    /// <summary>When the current generation of <see cref="ReceiptsCurrent"/> started (see <see cref="ReceiptHistogram"/>).</summary>
    public DateTimeOffset? ReceiptsStart { get; set; }
    /// <summary>Delivered-receipt latencies of the current generation, counts per bucket (<see cref="ReceiptLatency"/>).</summary>
    public string ReceiptsCurrent { get; set; } = "";
    /// <summary>The same for the generation before.</summary>
    public string ReceiptsPrevious { get; set; } = "";
    /// <summary>Delivered receipts that came after their attempt's deadline had passed: each a possible second message.</summary>
    public long LateReceipts { get; set; }

    /// <summary>The receipt latencies as a histogram; null when none were ever recorded.</summary>
    public ReceiptHistogram? Receipts() => ReceiptsStart is { } start
        ? new ReceiptHistogram(start, ReceiptHistogram.Parse(ReceiptsCurrent), ReceiptHistogram.Parse(ReceiptsPrevious))
        : null;

    /// <summary>Stores <paramref name="h"/> as the receipt latencies.</summary>
    public void SetReceipts(ReceiptHistogram h)
    {
        ReceiptsStart = h.Start;
        ReceiptsCurrent = ReceiptHistogram.Format(h.Current);
        ReceiptsPrevious = ReceiptHistogram.Format(h.Previous);
    }
}

/// <summary>A shared channel's state.</summary>
public enum ChannelState
{
    /// <summary>Working: deliveries use it.</summary>
    Up,
    /// <summary>Failing for everybody: deliveries skip it until the cool-down ends.</summary>
    Down,
    /// <summary>Cool-down over: a few deliveries test it; success brings it back.</summary>
    Probing,
}
