using Notify.Channels;
using Notify.Channels.Health;
using Notify.Delivery;
using static Notify.Core.Tests.Delivery.Deliveries;

namespace Notify.Core.Tests.Delivery;

public sealed class AdaptiveDeadlineTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(20);

    private static Dictionary<string, ChannelHealthEntity> SmsLearned(DateTimeOffset now, TimeSpan latency, int receipts)
    {
        var row = new ChannelHealthEntity { RowKey = Sms };
        var counts = new int[ReceiptLatency.Buckets];
        counts[ReceiptLatency.BucketOf(latency)] = receipts;
        row.SetReceipts(ReceiptLatency.Add(ReceiptHistogram.Empty(now), counts, now));
        return new() { [Sms] = row };
    }

    [Fact]
    public void An_accepted_sms_waits_the_learned_deadline_and_a_new_channel_the_setting()
    {
        var clock = NewClock();
        var learned = Timings.Learn(SmsLearned(clock.GetUtcNow(), TimeSpan.FromSeconds(16), 100), clock.GetUtcNow(), Floor);
        var claimed = Claimed(Planned(clock));

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Accepted, ProviderId: "SM1"), new DeliveryContext(clock.GetUtcNow(), learned, All)).Must();

        var wait = step.State.AttemptN(1).DeadlineAt - clock.GetUtcNow();
        Assert.InRange(wait!.Value, TimeSpan.FromSeconds(16 * ReceiptLatency.Multiple), TimeSpan.FromSeconds(16 * 1.25 * ReceiptLatency.Multiple) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(clock.GetUtcNow(), step.State.AttemptN(1).AcceptedAt);
        Assert.Equal(Timings.SmsReceipt, Timings.Learn(new Dictionary<string, ChannelHealthEntity>(), clock.GetUtcNow(), Floor).ReceiptFor(Sms));
        Assert.Equal(Timings.SendPickup, learned.ReceiptFor(Email));
    }

    [Fact]
    public void A_delivered_receipt_reports_its_latency_and_a_late_one_is_counted_as_late()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        clock.Advance(TimeSpan.FromSeconds(7));

        var onTime = Receipt(accepted, 1, "delivered", clock);

        Assert.Equal(new ReceiptTimed(Sms, TimeSpan.FromSeconds(7), Late: false), Assert.Single(onTime.Of<ReceiptTimed>()));

        // The deadline passed first: the delivery moved on to e-mail, then the receipt came.
        clock.Advance(Timings.SmsReceipt);
        var rerouted = DeliveryMachine.Expire(accepted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;
        var late = Receipt(rerouted, 1, "delivered", clock);

        var timed = Assert.Single(late.Of<ReceiptTimed>());
        Assert.True(timed.Late);
        Assert.Equal(TimeSpan.FromSeconds(7) + Timings.SmsReceipt, timed.Latency);
        Assert.Null(DeliveryMachine.ApplyReceipt(late.State, 1, "delivered", null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void A_polled_channel_waits_at_least_a_few_poll_intervals()
    {
        var clock = NewClock();
        var now = clock.GetUtcNow();
        var row = new ChannelHealthEntity { RowKey = ChannelNames.Kakao };
        var counts = new int[ReceiptLatency.Buckets];
        counts[ReceiptLatency.BucketOf(TimeSpan.FromSeconds(2))] = 100;
        row.SetReceipts(ReceiptLatency.Add(ReceiptHistogram.Empty(now), counts, now));
        var timings = Timings with { KakaoReceipt = TimeSpan.FromMinutes(5), KakaoPoll = TimeSpan.FromSeconds(30) };

        var learned = timings.Learn(new Dictionary<string, ChannelHealthEntity> { [ChannelNames.Kakao] = row }, now, Floor);

        Assert.Equal(TimeSpan.FromSeconds(30) * DeliveryTimings.MinPolls, learned.ReceiptFor(ChannelNames.Kakao));
        Assert.Equal(TimeSpan.FromMinutes(5), learned.Learn(new Dictionary<string, ChannelHealthEntity>(), now, TimeSpan.Zero).UpperReceiptFor(ChannelNames.Kakao));
    }
}
