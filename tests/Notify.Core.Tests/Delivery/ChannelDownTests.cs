using Notify.Channels;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;

namespace Notify.Core.Tests.Delivery;

/// <summary>A channel down for everybody moves on, at once, the deliveries it accepted and never answered.</summary>
public sealed class ChannelDownTests
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(1);

    [Fact]
    public void An_sms_accepted_before_the_outage_moves_on_to_the_next_channel_before_its_deadline()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        var indexed = accepted.AttemptN(1).IndexDue!.Value;
        clock.Advance(TimeSpan.FromSeconds(20));
        var now = clock.GetUtcNow();
        Assert.True(now < accepted.AttemptN(1).DeadlineAt);

        var step = DeliveryMachine.ChannelDown(accepted, 1, Sms, now + Cooldown, new DeliveryContext(now, Timings, Only(Email, Webhook))).Must();

        var first = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.TimedOut, first.Status);
        Assert.Null(first.DeadlineAt);
        Assert.Equal(AttemptErrors.DeliveryChannelDown, AttemptErrors.Read(first.Error!).Code);
        Assert.Equal(new Attempt(2, Email, AttemptStatus.Queued, now, now + Timings.SendPickup), step.State.AttemptN(2));
        Assert.Equal(ConfirmationStatus.Pending, step.State.Status);
        // The old wait is cleared (it lies ahead: the sweep will not meet it); the sweep counts it in the outage, with the others.
        Assert.Equal<Effect>(
        [
            new ScheduleDeadline(DeadlineKeys.Attempt(2), now + Timings.SendPickup, Email),
            new ClearDeadline(DeadlineKeys.Attempt(1), indexed),
            new EnqueueSend(Email, 2),
        ], step.Effects);
    }

    [Fact]
    public void An_unknown_send_waiting_on_the_channel_moves_on_too()
    {
        var clock = NewClock();
        var unknown = Send(Planned(clock), clock, SendStatus.Unknown).State;
        var now = clock.GetUtcNow() + TimeSpan.FromSeconds(5);

        var step = DeliveryMachine.ChannelDown(unknown, 1, Sms, now, new DeliveryContext(now, Timings, Only(Email))).Must();

        Assert.Equal(AttemptStatus.TimedOut, step.State.AttemptN(1).Status);
        Assert.Single(step.Of<EnqueueSend>(), new EnqueueSend(Email, 2));
    }

    [Fact]
    public void A_probe_accepted_after_the_cool_down_waits_for_its_own_deadline()
    {
        var clock = NewClock();
        var acceptedBefore = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(1));
        var probe = Send(Planned(clock), clock, SendStatus.Accepted).State;

        Assert.Null(DeliveryMachine.ChannelDown(probe, 1, Sms, acceptedBefore, new DeliveryContext(clock.GetUtcNow(), Timings, Only(Email))));
        Assert.Null(DeliveryMachine.ChannelDown(probe, 1, Sms, probe.AttemptN(1).AcceptedAt!.Value, new DeliveryContext(clock.GetUtcNow(), Timings, Only(Email))));
    }

    [Fact]
    public void Only_a_waiting_current_attempt_on_that_channel_moves()
    {
        var clock = NewClock();
        var later = clock.GetUtcNow() + TimeSpan.FromMinutes(5);
        var context = new DeliveryContext(clock.GetUtcNow(), Timings, Only(Email));
        var queued = Planned(clock);
        var sending = Claimed(queued);
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        var delivered = Receipt(accepted, 1, "delivered", clock).State;

        Assert.Null(DeliveryMachine.ChannelDown(queued, 1, Sms, later, context));
        Assert.Null(DeliveryMachine.ChannelDown(sending, 1, Sms, later, context));
        Assert.Null(DeliveryMachine.ChannelDown(delivered, 1, Sms, later, context));
        Assert.Null(DeliveryMachine.ChannelDown(accepted, 1, Email, later, context));
        Assert.Null(DeliveryMachine.ChannelDown(accepted, 2, Sms, later, context));
    }

    [Fact]
    public void Running_it_again_does_nothing()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        var now = clock.GetUtcNow();
        var context = new DeliveryContext(now, Timings, Only(Email));

        var moved = DeliveryMachine.ChannelDown(accepted, 1, Sms, now + Cooldown, context).Must();

        Assert.Null(DeliveryMachine.ChannelDown(moved.State, 1, Sms, now + Cooldown, context));
    }

    [Fact]
    public void An_attempt_names_its_channel_in_the_index()
    {
        var clock = NewClock();

        var planned = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();
        var rerouted = Send(planned.State, clock, SendStatus.Failed);

        // Written once, when the send is queued, and found by channel when that channel goes down.
        Assert.Equal(Sms, Assert.Single(planned.Of<ScheduleDeadline>()).Channel);
        Assert.Equal(Email, Assert.Single(rerouted.Of<ScheduleDeadline>()).Channel);
    }
}
