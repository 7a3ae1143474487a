using Azure;
using Azure.Data.Tables;

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

    /// <summary>up, down or probing; see <see cref="ChannelStates"/>.</summary>
    public string State { get; set; } = ChannelStates.Up;
    /// <summary>Start of the current failure-counting window.</summary>
    public DateTimeOffset WindowStart { get; set; }
    /// <summary>Failures in the current window.</summary>
    public int WindowFailures { get; set; }
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
}

/// <summary>Values of <see cref="ChannelHealthEntity.State"/>.</summary>
public static class ChannelStates
{
    /// <summary>Working: deliveries use it.</summary>
    public const string Up = "up";
    /// <summary>Failing for everybody: deliveries skip it until the cool-down ends.</summary>
    public const string Down = "down";
    /// <summary>Cool-down over: a few deliveries test it; success brings it back.</summary>
    public const string Probing = "probing";
}
