using Notify.Delivery;
using Notify.Deadlines;

namespace Notify.Core.Tests.Delivery;

public sealed class DeliveryTimingsTests
{
    [Fact]
    public void Deadlines_fall_on_whole_milliseconds_so_the_index_and_the_state_agree()
    {
        // 0.4567 ms past a whole millisecond: the deadline index (millisecond precision in Azurite) would otherwise
        // hold an earlier instant than the attempt, and the sweep would find the row due but the attempt not.
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero).AddTicks(4567);

        var due = DueTime.After(now, TimeSpan.FromMinutes(5));

        Assert.Equal(0, due.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 5, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Kakao_waits_its_own_receipt_timeout_and_is_the_only_channel_polled()
    {
        var timings = DeliveryTimings.From(new Notify.Configuration.NotifyOptions
        {
            SmsReceiptTimeout = TimeSpan.FromMinutes(3), KakaoReceiptTimeout = TimeSpan.FromMinutes(7), KakaoPollInterval = TimeSpan.FromSeconds(20),
        });

        Assert.Equal(TimeSpan.FromMinutes(7), timings.ReceiptFor(Notify.Channels.ChannelNames.Kakao));
        Assert.Equal(TimeSpan.FromMinutes(3), timings.ReceiptFor(Notify.Channels.ChannelNames.Sms));
        Assert.Equal(TimeSpan.FromSeconds(20), timings.PollFor(Notify.Channels.ChannelNames.Kakao));
        Assert.Null(timings.PollFor(Notify.Channels.ChannelNames.Sms));
        Assert.Equal(5, DeadlineKeys.PollOf(DeadlineKeys.Poll(5)));
        Assert.Null(DeadlineKeys.AttemptOf(DeadlineKeys.Poll(5)));
        Assert.Null(DeadlineKeys.PollOf(DeadlineKeys.Attempt(5)));
    }
}
