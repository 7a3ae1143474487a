namespace Notify.Broadcasts;

/// <summary>A broadcast as its merchant follows it.</summary>
/// <param name="BroadcastId">The broadcast's id.</param>
/// <param name="Status"><c>sending</c>, <c>done</c> (every recipient confirmed or out of channels) or <c>cancelled</c>.</param>
/// <param name="Recipients">Customers it goes to.</param>
/// <param name="Counts">Recipients by state: <c>waiting</c> (quiet hours or pacing), <c>pending</c>, <c>sent</c>, <c>confirmed</c>, <c>exhausted</c>, <c>cancelled</c>.</param>
/// <param name="ByChannel">Per channel, its attempts by status.</param>
/// <param name="Message">The merchant's text.</param>
/// <param name="Urgent">Sent in quiet hours too.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="ReleaseAt">When sending started or starts.</param>
public sealed record BroadcastProgress(
    string BroadcastId,
    string Status,
    int Recipients,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByChannel,
    string Message,
    bool Urgent,
    DateTimeOffset CreatedAt,
    DateTimeOffset ReleaseAt);
