using System.Text.Json.Serialization;

namespace Notify.Delivery;

/// <summary>One try at confirming an order on one channel.</summary>
/// <param name="N">The attempt's number within the delivery, from 1.</param>
/// <param name="Channel">The channel tried.</param>
/// <param name="Status">Where the attempt stands.</param>
/// <param name="At">When the attempt was planned.</param>
/// <param name="DeadlineAt">When the attempt, still waiting, counts as stalled.</param>
/// <param name="ProviderId">The provider's id (Twilio SID, Message-Id).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Receipt">The latest status the provider reported.</param>
/// <param name="Segments">SMS segments billed.</param>
/// <param name="AcceptedAt">When the provider accepted it (the start of its receipt's latency).</param>
public sealed record Attempt(
    int N,
    string Channel,
    AttemptStatus Status,
    DateTimeOffset At,
    DateTimeOffset? DeadlineAt = null,
    string? ProviderId = null,
    string? Error = null,
    string? Receipt = null,
    int? Segments = null,
    DateTimeOffset? AcceptedAt = null)
{
    /// <summary>True while the attempt may still confirm or fail the delivery by itself.</summary>
    public bool IsWaiting => Status switch
    {
        AttemptStatus.Queued or AttemptStatus.Sending or AttemptStatus.Accepted or AttemptStatus.Unknown => true,
        AttemptStatus.Delivered or AttemptStatus.Failed or AttemptStatus.TimedOut or AttemptStatus.Cancelled => false,
    };
}

/// <summary>Where an attempt stands; stored and shown by the names <see cref="Common.StoredName{TEnum}"/> gives.</summary>
public enum AttemptStatus
{
    /// <summary>Its send message is on the channel's queue.</summary>
    Queued,
    /// <summary>A sender has claimed it and is talking to the provider.</summary>
    Sending,
    /// <summary>The provider accepted it; waiting for a receipt.</summary>
    Accepted,
    /// <summary>The provider may or may not have it (a timed-out create); waiting for a receipt or the deadline.</summary>
    Unknown,
    /// <summary>Confirmed delivered.</summary>
    Delivered,
    /// <summary>Failed; the delivery moved on.</summary>
    Failed,
    /// <summary>Its deadline passed with no answer; the delivery moved on.</summary>
    [JsonStringEnumMemberName("timed-out")]
    TimedOut,
    /// <summary>Not sent because another channel confirmed first.</summary>
    Cancelled,
}
