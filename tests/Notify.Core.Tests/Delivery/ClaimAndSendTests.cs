using Notify.Channels;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;
using Notify.Deadlines;

namespace Notify.Core.Tests.Delivery;

public sealed class ClaimAndSendTests
{
    // ---- Claim ----

    [Fact]
    public void Claim_of_the_current_queued_attempt_marks_it_sending_with_no_effects()
    {
        var planned = Planned(NewClock());

        var step = DeliveryMachine.Claim(planned, 1).Must();

        Assert.Equal(AttemptStatus.Sending, step.State.AttemptN(1).Status);
        Assert.Equal(planned.AttemptN(1).DeadlineAt, step.State.AttemptN(1).DeadlineAt);
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void A_second_claim_of_the_same_attempt_returns_null_so_a_redelivered_message_sends_nothing()
    {
        var claimed = Claimed(Planned(NewClock()));

        Assert.Null(DeliveryMachine.Claim(claimed, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-1)]
    public void Claim_of_an_attempt_that_is_not_the_current_one_returns_null(int n)
    {
        Assert.Null(DeliveryMachine.Claim(Planned(NewClock()), n));
    }

    [Fact]
    public void Claim_of_an_earlier_attempt_after_a_reroute_returns_null()
    {
        var clock = NewClock();
        var rerouted = Send(Planned(clock), clock, SendStatus.Failed).State;

        Assert.Equal(2, rerouted.Current!.N);
        Assert.Null(DeliveryMachine.Claim(rerouted, 1));
        Assert.NotNull(DeliveryMachine.Claim(rerouted, 2));
    }

    [Fact]
    public void Claim_of_an_unplanned_delivery_returns_null()
    {
        Assert.Null(DeliveryMachine.Claim(DeliveryState.Unplanned, 1));
    }

    [Fact]
    public void Claim_on_a_settled_delivery_returns_null()
    {
        var clock = NewClock();
        var confirmed = Send(Planned(clock), clock, SendStatus.Delivered).State;
        var exhausted = DeliveryMachine.Plan(DeliveryState.Unplanned, [], new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;

        Assert.Null(DeliveryMachine.Claim(confirmed, 1));
        Assert.Null(DeliveryMachine.Claim(exhausted, 1));
        // Even a queued attempt cannot be claimed once the delivery is settled.
        var settledButQueued = Planned(clock) with { Status = ConfirmationStatus.Confirmed };
        Assert.Null(DeliveryMachine.Claim(settledButQueued, 1));
    }

    // ---- RecordSend ----

    [Fact]
    public void Delivered_send_confirms_by_its_channel_clears_its_deadline_and_reports_health_success()
    {
        var clock = NewClock();
        var planned = Planned(clock, [Email, Webhook]);
        var claimed = Claimed(planned);
        clock.Advance(TimeSpan.FromSeconds(3));

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Delivered, "mid-1"), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal(Email, step.State.ConfirmedBy);
        var attempt = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.Delivered, attempt.Status);
        Assert.Equal("mid-1", attempt.ProviderId);
        Assert.Null(attempt.DeadlineAt);
        Assert.Equal<Effect>([new ClearDeadline(DeadlineKeys.Attempt(1), planned.AttemptN(1).DeadlineAt!.Value), new ReportHealth(Email, true, null)], step.Effects);
    }

    [Fact]
    public void Accepted_sms_waits_for_its_receipt_until_now_plus_sms_receipt()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        var claimed = Claimed(planned);
        clock.Advance(TimeSpan.FromSeconds(20));
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Accepted, "SM1", Segments: 2), new DeliveryContext(now, Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Sent, step.State.Status);
        Assert.Null(step.State.ConfirmedBy);
        var attempt = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.Accepted, attempt.Status);
        Assert.Equal("SM1", attempt.ProviderId);
        Assert.Equal(2, attempt.Segments);
        Assert.Equal(now + Timings.SmsReceipt, attempt.DeadlineAt);
        // The index row written when it was queued (its pickup deadline, earlier) stands: the sweep moves it on only if
        // the SMS still waits then. An accepted SMS writes no deadline.
        Assert.Equal(planned.AttemptN(1).DeadlineAt, attempt.IndexDue);
        Assert.Empty(step.Effects);
        // An accepted SMS says nothing yet about the channel: its receipt or its deadline will.
        Assert.Empty(step.Of<ReportHealth>());
        Assert.Empty(step.Of<EnqueueSend>());
    }

    [Theory]
    [InlineData(Email)]
    [InlineData(Webhook)]
    public void Accepted_on_a_channel_other_than_sms_waits_send_pickup(string channel)
    {
        var clock = NewClock();
        var claimed = Claimed(Planned(clock, [channel]));
        clock.Advance(TimeSpan.FromSeconds(20));
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Accepted, "x"), new DeliveryContext(now, Timings, All)).Must();

        Assert.Equal(now + Timings.SendPickup, step.State.AttemptN(1).DeadlineAt);
        Assert.Empty(step.Of<ScheduleDeadline>());
    }

    [Theory]
    [InlineData(SendStatus.Accepted)]
    [InlineData(SendStatus.Unknown)]
    public void Waiting_kakao_is_asked_for_its_result_at_the_poll_deadline_and_given_up_at_kakao_receipt(SendStatus status)
    {
        var timings = new DeliveryTimings(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(30), KakaoReceipt: TimeSpan.FromMinutes(5), KakaoPoll: TimeSpan.FromSeconds(30));
        var clock = NewClock();
        var planned = DeliveryMachine.Plan(DeliveryState.Unplanned, [ChannelNames.Kakao, Sms], new DeliveryContext(clock.GetUtcNow(), timings, Only(ChannelNames.Kakao, Sms))).Must().State;
        var claimed = Claimed(planned);
        clock.Advance(TimeSpan.FromSeconds(20));
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(status, status == SendStatus.Accepted ? "M4V1" : null), new DeliveryContext(now, timings, All)).Must();

        Assert.Equal(now + TimeSpan.FromMinutes(5), step.State.AttemptN(1).DeadlineAt);
        Assert.Equal<Effect>([new ScheduleDeadline(DeadlineKeys.Poll(1), now + TimeSpan.FromSeconds(30))], step.Effects);
        Assert.Empty(step.Of<ReportHealth>());
    }

    [Fact]
    public void Unknown_send_waits_like_an_accepted_one_and_keeps_its_error()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        var claimed = Claimed(planned);
        clock.Advance(TimeSpan.FromSeconds(30));
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Unknown, Error: "create timed out"), new DeliveryContext(now, Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Sent, step.State.Status);
        var attempt = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.Unknown, attempt.Status);
        Assert.True(attempt.IsWaiting);
        Assert.Equal("create timed out", attempt.Error);
        Assert.Equal(now + Timings.SmsReceipt, attempt.DeadlineAt);
        Assert.Equal(planned.AttemptN(1).DeadlineAt, attempt.IndexDue);
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void Throttled_send_puts_the_same_attempt_back_on_its_queue_after_the_wait_with_no_health_report()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        var claimed = Claimed(planned);
        clock.Advance(TimeSpan.FromSeconds(10));
        var now = clock.GetUtcNow();
        var wait = TimeSpan.FromSeconds(2);

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Throttled, Error: "429", RetryAfter: wait), new DeliveryContext(now, Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Pending, step.State.Status);
        var attempt = Assert.Single(step.State.Attempts);
        Assert.Equal((Sms, AttemptStatus.Queued, now + wait + Timings.SendPickup), (attempt.Channel, attempt.Status, attempt.DeadlineAt!.Value));
        Assert.Equal<Effect>(
        [
            new ScheduleDeadline(DeadlineKeys.Attempt(1), now + wait + Timings.SendPickup, Sms),
            new ClearDeadline(DeadlineKeys.Attempt(1), planned.AttemptN(1).DeadlineAt!.Value),
            new EnqueueSend(Sms, 1, wait),
        ], step.Effects);
        Assert.NotNull(DeliveryMachine.Claim(step.State, 1));
    }

    [Fact]
    public void Failed_send_queues_the_next_channel_as_attempt_2_and_reports_health_failure()
    {
        var clock = NewClock();
        var planned = Planned(clock);
        var claimed = Claimed(planned);
        clock.Advance(TimeSpan.FromSeconds(10));
        var now = clock.GetUtcNow();

        var step = DeliveryMachine.RecordSend(claimed, 1, new SendResult(SendStatus.Failed, Error: "21211 invalid number"), new DeliveryContext(now, Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Pending, step.State.Status);
        var first = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.Failed, first.Status);
        Assert.Equal("21211 invalid number", first.Error);
        Assert.Null(first.DeadlineAt);
        Assert.Equal(new Attempt(2, Email, AttemptStatus.Queued, now, now + Timings.SendPickup), step.State.AttemptN(2));
        Assert.Equal<Effect>(
        [
            new ScheduleDeadline(DeadlineKeys.Attempt(2), now + Timings.SendPickup, Email),
            new ClearDeadline(DeadlineKeys.Attempt(1), planned.AttemptN(1).DeadlineAt!.Value),
            new ReportHealth(Sms, false, "21211 invalid number"),
            new EnqueueSend(Email, 2),
        ], step.Effects);
    }

    [Fact]
    public void Failed_send_on_the_last_channel_exhausts_and_alerts_the_merchant()
    {
        var clock = NewClock();
        var state = Send(Planned(clock), clock, SendStatus.Failed).State;
        state = Send(state, clock, SendStatus.Failed).State;
        clock.Advance(TimeSpan.FromMinutes(1));

        var step = Send(state, clock, SendStatus.Failed);

        Assert.Equal(ConfirmationStatus.Exhausted, step.State.Status);
        Assert.Equal(AlertStatus.Pending, step.State.Alert);
        Assert.Equal(3, step.State.Attempts.Count);
        Assert.All(step.State.Attempts, a => Assert.Equal(AttemptStatus.Failed, a.Status));
        Assert.Equal(new ScheduleDeadline(DeadlineKeys.Alert, clock.GetUtcNow()), step.Effects[0]);
        Assert.IsType<AlertMerchant>(step.Effects[^1]);
        Assert.Contains(new ReportHealth(Webhook, false, null), step.Effects);
        Assert.Empty(step.Of<EnqueueSend>());
    }

    [Fact]
    public void Send_result_after_a_delivered_receipt_only_adds_the_provider_id_and_segments()
    {
        var clock = NewClock();
        var claimed = Claimed(Planned(clock));
        clock.Advance(TimeSpan.FromSeconds(2));
        var delivered = Receipt(claimed, 1, "delivered", clock).State;
        clock.Advance(TimeSpan.FromSeconds(2));

        var step = DeliveryMachine.RecordSend(delivered, 1, new SendResult(SendStatus.Accepted, "SM1", Segments: 3), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Empty(step.Effects);
        Assert.Equal(delivered.AttemptN(1) with { ProviderId = "SM1", Segments = 3 }, step.State.AttemptN(1));
        Assert.Equal(delivered with { Attempts = step.State.Attempts }, step.State);
        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
    }

    [Fact]
    public void Send_result_after_a_receipt_keeps_a_provider_id_the_receipt_already_set()
    {
        var clock = NewClock();
        var claimed = Claimed(Planned(clock));
        var withId = claimed.WithAttempt(1, a => a with { Status = AttemptStatus.Failed, ProviderId = "SM-from-receipt", Segments = 1 });

        var step = DeliveryMachine.RecordSend(withId, 1, new SendResult(SendStatus.Failed, "SM-other", Segments: 4), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal("SM-from-receipt", step.State.AttemptN(1).ProviderId);
        Assert.Equal(1, step.State.AttemptN(1).Segments);
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void Failed_send_result_after_an_undelivered_receipt_rerouted_does_not_reroute_again()
    {
        var clock = NewClock();
        var claimed = Claimed(Planned(clock));
        var rerouted = Receipt(claimed, 1, "undelivered", clock, error: "30003").State;
        Assert.Equal(2, rerouted.Attempts.Count);

        var step = DeliveryMachine.RecordSend(rerouted, 1, new SendResult(SendStatus.Failed, "SM1"), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(2, step.State.Attempts.Count);
        Assert.Empty(step.Effects);
        Assert.Equal("SM1", step.State.AttemptN(1).ProviderId);
    }

    [Fact]
    public void Send_result_for_an_unknown_attempt_returns_null()
    {
        var clock = NewClock();
        var claimed = Claimed(Planned(clock));

        Assert.Null(DeliveryMachine.RecordSend(claimed, 2, new SendResult(SendStatus.Delivered), new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.RecordSend(DeliveryState.Unplanned, 1, new SendResult(SendStatus.Delivered), new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Recording_the_same_send_twice_changes_nothing_the_second_time()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        clock.Advance(TimeSpan.FromSeconds(1));

        var again = DeliveryMachine.RecordSend(accepted, 1, new SendResult(SendStatus.Accepted, "p1"), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(accepted.AttemptN(1), again.State.AttemptN(1));
        Assert.Equal(accepted.Status, again.State.Status);
        Assert.Empty(again.Effects);
    }
}
