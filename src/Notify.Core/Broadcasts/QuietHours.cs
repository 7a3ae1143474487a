namespace Notify.Broadcasts;

/// <summary>When a broadcast that is not urgent may start: outside the merchant's quiet hours.</summary>
public static class QuietHours
{
    /// <summary>
    /// <paramref name="now"/> when it is outside <paramref name="start"/>–<paramref name="end"/> on the merchant's wall
    /// clock, else the next <paramref name="end"/> there.
    /// </summary>
    public static DateTimeOffset ReleaseAt(DateTimeOffset now, string timeZone, TimeSpan start, TimeSpan end)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = local.TimeOfDay;
        var quiet = start <= end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return now;
        }
        var day = time >= end ? local.Date.AddDays(1) : local.Date;
        var wall = day + end;
        // A wall time skipped by a DST change has no offset of its own; the zone's offset an hour later is used.
        var offset = zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(1)) : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }
}
