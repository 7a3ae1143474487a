using Notify.Broadcasts;

namespace Notify.Core.Tests.Broadcasts;

public sealed class QuietHoursTests
{
    private static readonly TimeSpan Nine = TimeSpan.FromHours(21), Eight = TimeSpan.FromHours(8), Kst = TimeSpan.FromHours(9);

    [Theory]
    [InlineData(12, 0)]
    [InlineData(8, 0)]
    [InlineData(20, 59)]
    public void Outside_quiet_hours_a_broadcast_starts_now(int hour, int minute)
    {
        var now = new DateTimeOffset(2026, 11, 28, hour, minute, 0, Kst);

        Assert.Equal(now, QuietHours.ReleaseAt(now, "Asia/Seoul", Nine, Eight));
    }

    [Theory]
    [InlineData(21, 0, 29)]
    [InlineData(23, 30, 29)]
    [InlineData(3, 0, 28)]
    [InlineData(7, 59, 28)]
    public void In_quiet_hours_it_waits_for_eight_in_the_merchants_zone(int hour, int minute, int day)
    {
        var now = new DateTimeOffset(2026, 11, 28, hour, minute, 0, Kst);

        Assert.Equal(new DateTimeOffset(2026, 11, day, 8, 0, 0, Kst), QuietHours.ReleaseAt(now, "Asia/Seoul", Nine, Eight));
    }
}
