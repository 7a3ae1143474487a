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
/// <param name="IndexedAt">
/// When the sweep's index row for this attempt is due, when that is not <paramref name="DeadlineAt"/>: a send's row is
/// written once, when it is queued, at the receipt wait it will most likely need (<see cref="DeliveryTimings.WakeFor"/>).
/// Earlier than the deadline (a send still queued, a slow send, no learned receipt wait), the sweep moves the row on if
/// the attempt still waits when it wakes; later, by at most <see cref="DeliveryTimings.SendMargin"/>, the wait is
/// noticed that much late.
/// </param>
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
    DateTimeOffset? AcceptedAt = null,
    DateTimeOffset? IndexedAt = null)
{
    /// <summary>When the attempt's row in the sweep's index is due (the row to clear when it stops waiting).</summary>
    public DateTimeOffset? IndexDue => IndexedAt ?? DeadlineAt;

    /// <summary>The same attempt with no deadline and no index row: it no longer waits for anything.</summary>
    public Attempt StopWaiting() => this with { DeadlineAt = null, IndexedAt = null };

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
