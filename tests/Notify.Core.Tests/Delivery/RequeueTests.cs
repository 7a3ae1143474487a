using Notify.Channels;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;

namespace Notify.Core.Tests.Delivery;

/// <summary>A send that never reached its queue is sent again on its channel; one never picked up is not the channel's fault.</summary>
public sealed class RequeueTests
{
    [Fact]
    public void A_queued_send_past_its_pickup_deadline_goes_back_on_the_same_queue_with_a_new_deadline()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        clock.Advance(Timings.SendPickup);
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.Requeue(planned, 1, new DeliveryContext(now, Timings, All)).Must();

        Assert.Equal(planned.AttemptN(1) with { DeadlineAt = now + Timings.SendPickup }, step.State.AttemptN(1));
        Assert.Single(step.State.Attempts);
        Assert.Equal<Effect>([new ScheduleDeadline(DeadlineKeys.Attempt(1), now + Timings.SendPickup, Sms), new EnqueueSend(Sms, 1)], step.Effects);
    }

    [Fact]
    public void Requeue_leaves_alone_what_is_not_a_queued_send_past_its_deadline()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        var early = new DeliveryContext(clock.GetUtcNow() + Timings.SendPickup - TimeSpan.FromTicks(1), Timings, All);
        var late = new DeliveryContext(clock.GetUtcNow() + TimeSpan.FromDays(1), Timings, All);

        Assert.Null(DeliveryMachine.Requeue(planned, 1, early));
        Assert.Null(DeliveryMachine.Requeue(planned, 2, late));
        Assert.Null(DeliveryMachine.Requeue(Claimed(planned), 1, late));
        Assert.Null(DeliveryMachine.Requeue(Send(planned, clock, SendStatus.Accepted).State, 1, late));
        Assert.Null(DeliveryMachine.Requeue(planned with { Status = ConfirmationStatus.Cancelled }, 1, late));
    }

    [Fact]
    public void A_send_never_picked_up_moves_on_without_counting_against_its_channel()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        clock.Advance(Timings.SendPickup);
        var context = new DeliveryContext(clock.GetUtcNow(), Timings, All);

        var queued = DeliveryMachine.Expire(planned, 1, context).Must();
        var sending = DeliveryMachine.Expire(Claimed(planned), 1, context).Must();

        Assert.Empty(queued.Of<ReportHealth>());
        Assert.Equal(new EnqueueSend(Email, 2), queued.Effects[^1]);
        // A sender that claimed it and never finished was talking to the provider: that still counts.
        Assert.Single(sending.Of<ReportHealth>(), new ReportHealth(Sms, false, "deadline passed"));
    }
}
