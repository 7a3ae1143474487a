using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;
using Notify.Deadlines;

namespace Notify.Core.Tests.Delivery;

public sealed class PlanTests
{
    [Fact]
    public void Plan_keeps_the_chain_in_order_and_queues_the_first_channel_as_attempt_1()
    {
        var clock = NewClock();

        var step = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(Chain, step.State.Chain);
        Assert.Equal(ConfirmationStatus.Pending, step.State.Status);
        var attempt = Assert.Single(step.State.Attempts);
        Assert.Equal(new Attempt(1, Sms, AttemptStatus.Queued, clock.GetUtcNow(), clock.GetUtcNow() + Timings.SendPickup), attempt);
    }

    [Fact]
    public void Plan_starts_at_the_first_available_channel()
    {
        var clock = NewClock();

        var step = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, new DeliveryContext(clock.GetUtcNow(), Timings, Only(Webhook, Email))).Must();

        Assert.Equal(Email, Assert.Single(step.State.Attempts).Channel);
        Assert.Equal(Chain, step.State.Chain);
        Assert.Equal(new EnqueueSend(Email, 1), step.Effects[^1]);
    }

    [Fact]
    public void Plan_starts_at_the_first_channel_when_none_is_available()
    {
        var clock = NewClock();

        var step = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, new DeliveryContext(clock.GetUtcNow(), Timings, None)).Must();

        Assert.Equal(Sms, Assert.Single(step.State.Attempts).Channel);
        Assert.Equal(new EnqueueSend(Sms, 1), step.Effects[^1]);
    }

    [Fact]
    public void Plan_of_an_empty_chain_exhausts_and_alerts_the_merchant_now()
    {
        var clock = NewClock();

        var step = DeliveryMachine.Plan(DeliveryState.Unplanned, [], new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Exhausted, step.State.Status);
        Assert.Equal(AlertStatus.Pending, step.State.Alert);
        Assert.Empty(step.State.Attempts);
        Assert.Equal<Effect>([new ScheduleDeadline(DeadlineKeys.Alert, clock.GetUtcNow()), new AlertMerchant()], step.Effects);
        Assert.Empty(step.Of<EnqueueSend>());
    }

    [Fact]
    public void Planning_twice_changes_nothing()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(DeliveryMachine.Plan(planned, Chain, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.Plan(planned, [Webhook], new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Planning_an_empty_chain_twice_alerts_once()
    {
        var clock = NewClock();
        var exhausted = DeliveryMachine.Plan(DeliveryState.Unplanned, [], new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;

        Assert.Null(DeliveryMachine.Plan(exhausted, [], new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.Plan(exhausted, Chain, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Plan_schedules_attempt_1s_deadline_at_now_plus_send_pickup_before_enqueueing_its_send()
    {
        var clock = NewClock();
        clock.Advance(TimeSpan.FromMinutes(7));
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, new DeliveryContext(now, Timings, All)).Must();

        Assert.Equal<Effect>([new ScheduleDeadline(DeadlineKeys.Attempt(1), now + Timings.SendPickup, Sms), new EnqueueSend(Sms, 1)], step.Effects);
        Assert.Equal(now + Timings.SendPickup, step.State.AttemptN(1).DeadlineAt);
    }
}
