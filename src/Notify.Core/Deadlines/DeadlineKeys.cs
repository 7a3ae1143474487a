namespace Notify.Deadlines;

/// <summary>Names of a delivery's deadlines in the sweep's index.</summary>
public static class DeadlineKeys
{
    /// <summary>An accepted order not yet planned.</summary>
    public const string FanOut = "fanout";

    /// <summary>The merchant alert of an exhausted delivery.</summary>
    public const string Alert = "alert";

    private const string AttemptPrefix = "attempt-";
    private const string PollPrefix = "poll-";

    /// <summary>Attempt <paramref name="n"/> waiting for its send or its receipt.</summary>
    public static string Attempt(int n) => AttemptPrefix + n;

    /// <summary>The attempt number of an attempt deadline, or null for other kinds.</summary>
    public static int? AttemptOf(string kind) =>
        kind.StartsWith(AttemptPrefix, StringComparison.Ordinal) && int.TryParse(kind.AsSpan(AttemptPrefix.Length), out var n) ? n : null;

    /// <summary>Attempt <paramref name="n"/>'s provider to be asked for its result (SOLAPI does not call back).</summary>
    public static string Poll(int n) => PollPrefix + n;

    /// <summary>The attempt number of a poll deadline, or null for other kinds.</summary>
    public static int? PollOf(string kind) =>
        kind.StartsWith(PollPrefix, StringComparison.Ordinal) && int.TryParse(kind.AsSpan(PollPrefix.Length), out var n) ? n : null;
}
