using Notify.Channels;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;
using Notify.Deadlines;

namespace Notify.Core.Tests.Delivery;

public sealed class ExpireAndPoisonTests
{
    // ---- Expire ----

    [Fact]
    public void Expire_before_the_deadline_returns_null()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        clock.Advance(Timings.SmsReceipt - TimeSpan.FromTicks(1));

        Assert.Null(DeliveryMachine.Expire(accepted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Expire_exactly_at_the_deadline_times_out_and_queues_the_next_channel()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        clock.Advance(Timings.SmsReceipt);
        var now = clock.GetUtcNow();
        Assert.Equal(now, accepted.AttemptN(1).DeadlineAt);

        var step = DeliveryMachine.Expire(accepted, 1, new DeliveryContext(now, Timings, All)).Must();

        var first = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.TimedOut, first.Status);
        Assert.Null(first.DeadlineAt);
        Assert.Contains("No answer by", first.Error);
        Assert.Equal(new Attempt(2, Email, AttemptStatus.Queued, now, now + Timings.SendPickup), step.State.AttemptN(2));
        Assert.Equal(ConfirmationStatus.Pending, step.State.Status);
        Assert.Equal<Effect>(
        [
            new ScheduleDeadline(DeadlineKeys.Attempt(2), now + Timings.SendPickup, Email),
            new EnqueueSend(Email, 2),
            new ReportHealth(Sms, false, "deadline passed"),
        ], step.Effects);
    }

    [Fact]
    public void Expire_keeps_an_error_the_attempt_already_had()
    {
        var clock = NewClock();
        var claimed = Claimed(Planned(clock));
        var unknown = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Unknown, Error: "timeout"), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;
        clock.Advance(Timings.SmsReceipt + TimeSpan.FromMinutes(1));

        var step = DeliveryMachine.Expire(unknown, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal("timeout", step.State.AttemptN(1).Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Expire_of_a_queued_or_sending_attempt_past_its_pickup_deadline_moves_on(bool claim)
    {
        var clock = NewClock();
        var state = Planned(clock);
        if (claim)
        {
            state = Claimed(state);
        }
        clock.Advance(Timings.SendPickup + TimeSpan.FromSeconds(1));

        var step = DeliveryMachine.Expire(state, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(AttemptStatus.TimedOut, step.State.AttemptN(1).Status);
        Assert.Equal(new EnqueueSend(Email, 2), Assert.Single(step.Of<EnqueueSend>()));
        Assert.Null(DeliveryMachine.Claim(step.State, 1));
    }

    [Fact]
    public void Expire_on_the_last_channel_exhausts()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock, [Sms]), clock, SendStatus.Accepted).State;
        clock.Advance(Timings.SmsReceipt);

        var step = DeliveryMachine.Expire(accepted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Exhausted, step.State.Status);
        Assert.Equal(AlertStatus.Pending, step.State.Alert);
        Assert.Equal(new ScheduleDeadline(DeadlineKeys.Alert, clock.GetUtcNow()), step.Effects[0]);
        Assert.IsType<AlertMerchant>(step.Effects[^1]);
        Assert.Empty(step.Of<EnqueueSend>());
    }

    [Fact]
    public void Expire_of_an_attempt_that_is_not_current_returns_null()
    {
        var clock = NewClock();
        var failed = Send(Planned(clock), clock, SendStatus.Failed).State;
        clock.Advance(TimeSpan.FromHours(2));

        Assert.Null(DeliveryMachine.Expire(failed, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.Expire(failed, 3, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Expire_twice_moves_on_once()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        clock.Advance(Timings.SmsReceipt);
        var expired = DeliveryMachine.Expire(accepted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;

        Assert.Null(DeliveryMachine.Expire(expired, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Expire_on_a_settled_delivery_returns_null()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        var confirmed = Receipt(accepted, 1, "delivered", clock).State;
        var stillAcceptedButConfirmed = accepted with { Status = ConfirmationStatus.Confirmed };
        var exhausted = accepted with { Status = ConfirmationStatus.Exhausted };
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Null(DeliveryMachine.Expire(confirmed, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.Expire(stillAcceptedButConfirmed, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.Expire(exhausted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Delivered_send_result_after_its_attempt_timed_out_while_sending_confirms_and_cancels_the_queued_reroute()
    {
        var clock = NewClock();
        var sending = Claimed(Planned(clock, [Email, Webhook]));
        clock.Advance(Timings.SendPickup);
        var rerouted = DeliveryMachine.Expire(sending, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;
        Assert.Equal(AttemptStatus.Queued, rerouted.AttemptN(2).Status);
        clock.Advance(TimeSpan.FromSeconds(1));

        // The slow SMTP server took the mail after all: the customer has their confirmation.
        var step = DeliveryMachine.RecordSend(rerouted, 1, new SendResult(SendStatus.Delivered, "mid-1"), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal(Email, step.State.ConfirmedBy);
        Assert.Equal(AttemptStatus.Cancelled, step.State.AttemptN(2).Status);
        Assert.Equal("mid-1", step.State.AttemptN(1).ProviderId);
        Assert.Contains(new ClearDeadline(DeadlineKeys.Attempt(2), rerouted.AttemptN(2).DeadlineAt!.Value), step.Effects);
        Assert.Empty(step.Of<EnqueueSend>());
        Assert.Null(DeliveryMachine.Claim(step.State, 2));
    }

    // ---- Poison ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Poisoned_queued_or_sending_attempt_fails_and_reroutes(bool claim)
    {
        var clock = NewClock();
        var planned = Planned(clock);
        var state = claim ? Claimed(planned) : planned;
        clock.Advance(TimeSpan.FromSeconds(40));
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.Poison(state, 1, new DeliveryContext(now, Timings, All)).Must();

        var first = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.Failed, first.Status);
        Assert.Null(first.DeadlineAt);
        Assert.Contains("poison", first.Error);
        Assert.Equal(new Attempt(2, Email, AttemptStatus.Queued, now, now + Timings.SendPickup), step.State.AttemptN(2));
        Assert.Equal<Effect>(
        [
            new ScheduleDeadline(DeadlineKeys.Attempt(2), now + Timings.SendPickup, Email),
            new ClearDeadline(DeadlineKeys.Attempt(1), planned.AttemptN(1).DeadlineAt!.Value),
            new EnqueueSend(Email, 2),
        ], step.Effects);
    }

    [Theory]
    [InlineData(SendStatus.Accepted)]
    [InlineData(SendStatus.Unknown)]
    public void Poison_of_an_attempt_the_provider_already_has_returns_null(SendStatus status)
    {
        var clock = NewClock();
        var waiting = Send(Planned(clock), clock, status).State;

        Assert.Null(DeliveryMachine.Poison(waiting, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Poison_on_a_settled_delivery_returns_null()
    {
        var clock = NewClock();
        var confirmed = Send(Planned(clock), clock, SendStatus.Delivered).State;
        var exhausted = Send(Planned(clock, [Webhook]), clock, SendStatus.Failed).State;

        Assert.Null(DeliveryMachine.Poison(confirmed, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.Poison(exhausted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.Poison(Planned(clock) with { Status = ConfirmationStatus.Confirmed }, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Poison_of_an_attempt_that_is_not_current_returns_null()
    {
        var clock = NewClock();
        var rerouted = Send(Planned(clock), clock, SendStatus.Failed).State;

        Assert.Null(DeliveryMachine.Poison(rerouted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Poison_on_the_last_channel_exhausts()
    {
        var clock = NewClock();

        var step = DeliveryMachine.Poison(Planned(clock, [Email]), 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Exhausted, step.State.Status);
        Assert.IsType<AlertMerchant>(step.Effects[^1]);
    }

    // ---- Advance (through any failing transition) ----

    [Fact]
    public void Reroute_skips_channels_that_are_unavailable()
    {
        var clock = NewClock();

        var step = Send(Planned(clock), clock, SendStatus.Failed, available: Only(Sms, Webhook));

        Assert.Equal(Webhook, step.State.AttemptN(2).Channel);
        Assert.Equal(new EnqueueSend(Webhook, 2), step.Effects[^1]);
    }

    [Fact]
    public void Reroute_falls_back_to_the_next_untried_channel_when_none_is_available()
    {
        var clock = NewClock();

        var step = Send(Planned(clock), clock, SendStatus.Failed, available: None);

        Assert.Equal(Email, step.State.AttemptN(2).Channel);
        Assert.Equal(new EnqueueSend(Email, 2), step.Effects[^1]);
    }

    [Fact]
    public void Reroute_never_goes_back_to_a_channel_before_the_one_that_failed()
    {
        var clock = NewClock();
        // SMS was down at planning, so e-mail went first; SMS has since recovered.
        var planned = Planned(clock, available: Only(Email, Webhook));
        Assert.Equal(Email, planned.AttemptN(1).Channel);

        var step = Send(planned, clock, SendStatus.Failed, available: Only(Sms));

        Assert.Equal(Webhook, step.State.AttemptN(2).Channel);
    }

    [Fact]
    public void Reroute_from_the_last_channel_exhausts_even_when_earlier_ones_are_available()
    {
        var clock = NewClock();
        var planned = Planned(clock, available: Only(Webhook));
        Assert.Equal(Webhook, planned.AttemptN(1).Channel);

        var step = Send(planned, clock, SendStatus.Failed, available: All);

        Assert.Equal(ConfirmationStatus.Exhausted, step.State.Status);
        Assert.Single(step.State.Attempts);
    }

    [Fact]
    public void A_whole_chain_of_reroutes_tries_each_channel_once_in_order()
    {
        var clock = NewClock();
        var state = Planned(clock);
        state = Send(state, clock, SendStatus.Failed).State;
        clock.Advance(TimeSpan.FromSeconds(30));
        state = DeliveryMachine.Poison(state, 2, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;
        clock.Advance(TimeSpan.FromSeconds(30));
        state = Claimed(state);
        clock.Advance(Timings.SendPickup);
        var last = DeliveryMachine.Expire(state, 3, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(Chain, last.State.Attempts.Select(a => a.Channel));
        Assert.Equal([1, 2, 3], last.State.Attempts.Select(a => a.N));
        Assert.Equal(ConfirmationStatus.Exhausted, last.State.Status);
    }
}
