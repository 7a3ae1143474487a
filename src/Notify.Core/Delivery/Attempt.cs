namespace Notify.Delivery;

/// <summary>One try at confirming an order on one channel.</summary>
/// <param name="N">The attempt's number within the delivery, from 1.</param>
/// <param name="Channel">The channel tried.</param>
/// <param name="Status">Where the attempt stands; see <see cref="AttemptStates"/>.</param>
/// <param name="At">When the attempt was planned.</param>
/// <param name="DeadlineAt">When the attempt, still waiting, counts as stalled.</param>
/// <param name="ProviderId">The provider's id (Twilio SID, Message-Id).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Receipt">The latest status the provider reported.</param>
/// <param name="Segments">SMS segments billed.</param>
public sealed record Attempt(
    int N,
    string Channel,
    string Status,
    DateTimeOffset At,
    DateTimeOffset? DeadlineAt = null,
    string? ProviderId = null,
    string? Error = null,
    string? Receipt = null,
    int? Segments = null)
{
    /// <summary>True while the attempt may still confirm or fail the delivery by itself.</summary>
    public bool IsWaiting => AttemptStates.Waiting.Contains(Status);
}

/// <summary>Values of <see cref="Attempt.Status"/>.</summary>
public static class AttemptStates
{
    /// <summary>Its send message is on the channel's queue.</summary>
    public const string Queued = "queued";
    /// <summary>A sender has claimed it and is talking to the provider.</summary>
    public const string Sending = "sending";
    /// <summary>The provider accepted it; waiting for a receipt.</summary>
    public const string Accepted = "accepted";
    /// <summary>The provider may or may not have it (a timed-out create); waiting for a receipt or the deadline.</summary>
    public const string Unknown = "unknown";
    /// <summary>Confirmed delivered.</summary>
    public const string Delivered = "delivered";
    /// <summary>Failed; the delivery moved on.</summary>
    public const string Failed = "failed";
    /// <summary>Its deadline passed with no answer; the delivery moved on.</summary>
    public const string TimedOut = "timed-out";
    /// <summary>Not sent because another channel confirmed first.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>States that wait for something and have a deadline.</summary>
    public static readonly string[] Waiting = [Queued, Sending, Accepted, Unknown];
}
