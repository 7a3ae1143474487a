namespace Notify.Channels.Templates;

/// <summary>Shows instants as the merchant's wall-clock time.</summary>
internal static class MerchantClock
{
    /// <summary>The wall time of <paramref name="at"/> in the IANA zone <paramref name="timeZone"/>; UTC when the zone is unknown.</summary>
    public static DateTime Local(DateTimeOffset at, string? timeZone) =>
        TimeZoneInfo.ConvertTime(at, Zone(timeZone)).DateTime;

    private static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
