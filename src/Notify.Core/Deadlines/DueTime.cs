namespace Notify.Deadlines;

/// <summary>Deadlines are whole milliseconds.</summary>
public static class DueTime
{
    /// <summary>
    /// When a wait that starts <paramref name="now"/> ends, to the whole millisecond: the deadline index stores times
    /// at millisecond precision (Azurite does), and the sweep compares the two, so both must hold the same instant.
    /// </summary>
    public static DateTimeOffset After(DateTimeOffset now, TimeSpan wait)
    {
        var due = now + wait;
        return due.AddTicks(-(due.UtcTicks % TimeSpan.TicksPerMillisecond));
    }
}
