using Notify.Channels;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;
using Notify.Deadlines;

namespace Notify.Core.Tests.Delivery;

public sealed class ReceiptTests
{
    private static DeliveryState AcceptedSms(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) =>
        Send(Planned(clock), clock, SendStatus.Accepted).State;

    // SMS timed out waiting for its receipt: attempt 2 (e-mail) is queued, not yet sent.
    private static DeliveryState ReroutedAfterSmsTimeout(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var accepted = AcceptedSms(clock);
        clock.Advance(Timings.SmsReceipt);
        var rerouted = DeliveryMachine.Expire(accepted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;
        Assert.Equal(AttemptStatus.TimedOut, rerouted.AttemptN(1).Status);
        Assert.Equal(AttemptStatus.Queued, rerouted.AttemptN(2).Status);
        return rerouted;
    }

    [Fact]
    public void Receipts_move_forward_and_are_recorded_without_effects()
    {
        var clock = NewClock();
        var state = AcceptedSms(clock);

        var queued = Receipt(state, 1, "queued", clock);
        var sending = Receipt(queued.State, 1, "sending", clock);
        var sent = Receipt(sending.State, 1, "sent", clock);

        Assert.Equal("sent", sent.State.AttemptN(1).Receipt);
        Assert.Equal(AttemptStatus.Accepted, sent.State.AttemptN(1).Status);
        Assert.Equal(ConfirmationStatus.Sent, sent.State.Status);
        Assert.All([queued, sending, sent], s => Assert.Empty(s.Effects));
    }

    [Fact]
    public void A_read_receipt_confirms_as_delivered_does_even_when_it_comes_first()
    {
        var clock = NewClock();

        // "read" ranks with "delivered", so a "delivered" after it is ignored: the read itself must confirm.
        var read = Receipt(AcceptedSms(clock), 1, "read", clock);

        Assert.Equal(ConfirmationStatus.Confirmed, read.State.Status);
        Assert.Equal("read", read.State.AttemptN(1).Receipt);
        Assert.Null(DeliveryMachine.ApplyReceipt(read.State, 1, "delivered", null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Sent_receipt_after_delivered_is_ignored()
    {
        var clock = NewClock();
        var delivered = Receipt(AcceptedSms(clock), 1, "delivered", clock).State;

        Assert.Null(DeliveryMachine.ApplyReceipt(delivered, 1, "sent", null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
        Assert.Null(DeliveryMachine.ApplyReceipt(delivered, 1, "queued", null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Theory]
    [InlineData("sent")]
    [InlineData("delivered")]
    [InlineData("undelivered")]
    public void The_same_receipt_twice_is_ignored_the_second_time(string receipt)
    {
        var clock = NewClock();
        var once = Receipt(AcceptedSms(clock), 1, receipt, clock).State;

        Assert.Null(DeliveryMachine.ApplyReceipt(once, 1, receipt, null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Undelivered_after_delivered_is_ignored_and_does_not_reroute()
    {
        var clock = NewClock();
        var delivered = Receipt(AcceptedSms(clock), 1, "delivered", clock).State;

        Assert.Null(DeliveryMachine.ApplyReceipt(delivered, 1, "undelivered", "30005", new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Receipt_for_an_unknown_attempt_returns_null()
    {
        var clock = NewClock();

        Assert.Null(DeliveryMachine.ApplyReceipt(AcceptedSms(clock), 2, "delivered", null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Delivered_receipt_on_the_current_attempt_confirms_clears_its_deadline_and_reports_health()
    {
        var clock = NewClock();
        var accepted = AcceptedSms(clock);
        clock.Advance(TimeSpan.FromSeconds(9));

        var step = Receipt(accepted, 1, "delivered", clock);

        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal(Sms, step.State.ConfirmedBy);
        Assert.Equal(AttemptStatus.Delivered, step.State.AttemptN(1).Status);
        Assert.Equal("delivered", step.State.AttemptN(1).Receipt);
        Assert.Null(step.State.AttemptN(1).DeadlineAt);
        Assert.Equal<Effect>([new ClearDeadline(DeadlineKeys.Attempt(1), accepted.AttemptN(1).IndexDue!.Value), new ReportHealth(Sms, true, null), new ReceiptTimed(Sms, TimeSpan.FromSeconds(9), Late: false)], step.Effects);
    }

    [Fact]
    public void Late_delivered_receipt_after_reroute_confirms_and_cancels_the_queued_email()
    {
        var clock = NewClock();
        var rerouted = ReroutedAfterSmsTimeout(clock);
        clock.Advance(TimeSpan.FromSeconds(4));

        var step = Receipt(rerouted, 1, "delivered", clock);

        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal(Sms, step.State.ConfirmedBy);
        Assert.Equal(AttemptStatus.Delivered, step.State.AttemptN(1).Status);
        Assert.Equal(AttemptStatus.Cancelled, step.State.AttemptN(2).Status);
        Assert.Null(step.State.AttemptN(2).DeadlineAt);
        Assert.Equal(2, step.State.Attempts.Count);
        Assert.Empty(step.Of<EnqueueSend>());
        Assert.Contains(new ClearDeadline(DeadlineKeys.Attempt(2), rerouted.AttemptN(2).DeadlineAt!.Value), step.Effects);
        Assert.Contains(new ReportHealth(Sms, true, null), step.Effects);
        // The cancelled e-mail's send message is still on its queue: it must find nothing to claim.
        Assert.Null(DeliveryMachine.Claim(step.State, 2));
    }

    [Fact]
    public void Delivered_receipt_when_already_confirmed_is_only_recorded()
    {
        var clock = NewClock();
        var rerouted = ReroutedAfterSmsTimeout(clock);
        var emailDelivered = Send(rerouted, clock, SendStatus.Delivered).State;
        Assert.Equal(Email, emailDelivered.ConfirmedBy);
        clock.Advance(TimeSpan.FromMinutes(3));

        var step = Receipt(emailDelivered, 1, "delivered", clock);

        // Only the late receipt's latency is reported (the adaptive deadline learns from it); nothing else moves.
        Assert.Equal<Effect>([new ReceiptTimed(Sms, Timings.SmsReceipt + TimeSpan.FromMinutes(3), Late: true)], step.Effects);
        Assert.Equal(Email, step.State.ConfirmedBy);
        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal("delivered", step.State.AttemptN(1).Receipt);
        Assert.Equal(AttemptStatus.TimedOut, step.State.AttemptN(1).Status);
    }

    [Theory]
    [InlineData("undelivered")]
    [InlineData("failed")]
    public void Undelivered_or_failed_on_the_current_waiting_attempt_reroutes(string receipt)
    {
        var clock = NewClock();
        var accepted = AcceptedSms(clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        var now = clock.GetUtcNow();

        var step = Receipt(accepted, 1, receipt, clock, error: "30003");

        Assert.Equal(ConfirmationStatus.Pending, step.State.Status);
        var first = step.State.AttemptN(1);
        Assert.Equal(AttemptStatus.Failed, first.Status);
        Assert.Equal(receipt, first.Receipt);
        Assert.Equal("30003", first.Error);
        Assert.Null(first.DeadlineAt);
        Assert.Equal(new Attempt(2, Email, AttemptStatus.Queued, now, now + Timings.SendPickup), step.State.AttemptN(2));
        Assert.Equal<Effect>(
        [
            new ScheduleDeadline(DeadlineKeys.Attempt(2), now + Timings.SendPickup, Email),
            new ClearDeadline(DeadlineKeys.Attempt(1), accepted.AttemptN(1).IndexDue!.Value),
            new ReportHealth(Sms, false, "30003"),
            new EnqueueSend(Email, 2),
        ], step.Effects);
    }

    [Fact]
    public void Undelivered_without_an_error_code_reports_the_receipt_as_the_health_error()
    {
        var clock = NewClock();

        var step = Receipt(AcceptedSms(clock), 1, "undelivered", clock);

        Assert.Contains(new ReportHealth(Sms, false, "undelivered"), step.Effects);
        Assert.Null(step.State.AttemptN(1).Error);
    }

    [Fact]
    public void Undelivered_on_the_last_channel_exhausts()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock, [Sms]), clock, SendStatus.Accepted).State;

        var step = Receipt(accepted, 1, "undelivered", clock);

        Assert.Equal(ConfirmationStatus.Exhausted, step.State.Status);
        Assert.IsType<AlertMerchant>(step.Effects[^1]);
        Assert.Empty(step.Of<EnqueueSend>());
    }

    [Fact]
    public void Undelivered_on_an_attempt_already_given_up_on_is_only_recorded()
    {
        var clock = NewClock();
        var rerouted = ReroutedAfterSmsTimeout(clock);

        var step = Receipt(rerouted, 1, "undelivered", clock, error: "30005");

        Assert.Empty(step.Effects);
        Assert.Equal(2, step.State.Attempts.Count);
        Assert.Equal(AttemptStatus.TimedOut, step.State.AttemptN(1).Status);
        Assert.Equal("undelivered", step.State.AttemptN(1).Receipt);
        Assert.Equal(rerouted.AttemptN(2), step.State.AttemptN(2));
    }

    [Fact]
    public void Undelivered_after_the_delivery_is_confirmed_is_only_recorded()
    {
        var clock = NewClock();
        var rerouted = ReroutedAfterSmsTimeout(clock);
        var confirmed = Send(rerouted, clock, SendStatus.Delivered).State;

        var step = Receipt(confirmed, 1, "failed", clock, error: "30008");

        Assert.Empty(step.Effects);
        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal("30008", step.State.AttemptN(1).Error);
    }

    [Fact]
    public void Error_code_is_recorded_and_a_later_receipt_without_one_keeps_it()
    {
        var clock = NewClock();
        var sent = Receipt(AcceptedSms(clock), 1, "sent", clock, error: "30007").State;
        Assert.Equal("30007", sent.AttemptN(1).Error);

        var delivered = Receipt(sent, 1, "delivered", clock, error: null).State;

        Assert.Equal("30007", delivered.AttemptN(1).Error);
    }

    [Fact]
    public void Unrecognised_receipt_status_is_ignored()
    {
        var clock = NewClock();

        Assert.Null(DeliveryMachine.ApplyReceipt(AcceptedSms(clock), 1, "bogus", null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    // ---- A late receipt confirms while a later attempt is already with its provider ----

    [Fact]
    public void Late_delivered_receipt_while_the_email_is_sending_leaves_the_delivery_confirmed_when_the_email_then_fails()
    {
        var clock = NewClock();
        var emailSending = Claimed(ReroutedAfterSmsTimeout(clock));
        var confirmed = Receipt(emailSending, 1, "delivered", clock).State;
        Assert.Equal(ConfirmationStatus.Confirmed, confirmed.Status);
        clock.Advance(TimeSpan.FromSeconds(5));

        var step = DeliveryMachine.RecordSend(confirmed, 2, new SendResult(SendStatus.Failed, Error: "550 mailbox full"), new DeliveryContext(clock.GetUtcNow(), Timings, All));

        // Recording the e-mail's failure is fine; re-opening a confirmed delivery and sending the webhook is not.
        Assert.NotNull(step);
        Assert.Empty(step.Of<EnqueueSend>());
        Assert.Empty(step.Of<AlertMerchant>());
        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal(Sms, step.State.ConfirmedBy);
        Assert.Equal(2, step.State.Attempts.Count);
        Assert.Equal(AttemptStatus.Failed, step.State.AttemptN(2).Status);
    }

    [Fact]
    public void Late_delivered_receipt_while_the_email_is_sending_stays_confirmed_by_sms_when_the_email_is_accepted()
    {
        var clock = NewClock();
        var emailSending = Claimed(ReroutedAfterSmsTimeout(clock));
        var confirmed = Receipt(emailSending, 1, "delivered", clock).State;

        var step = DeliveryMachine.RecordSend(confirmed, 2, new SendResult(SendStatus.Accepted, "q1"), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal(Sms, step.State.ConfirmedBy);
        Assert.Empty(step.Of<EnqueueSend>());
        Assert.Empty(step.Of<ScheduleDeadline>());
        Assert.Equal("q1", step.State.AttemptN(2).ProviderId);
    }

    [Fact]
    public void Late_delivered_receipt_while_the_email_is_sending_keeps_the_first_confirmer_when_the_email_is_delivered_too()
    {
        var clock = NewClock();
        var emailSending = Claimed(ReroutedAfterSmsTimeout(clock));
        var confirmed = Receipt(emailSending, 1, "delivered", clock).State;

        var step = DeliveryMachine.RecordSend(confirmed, 2, new SendResult(SendStatus.Delivered, "q1"), new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must();

        Assert.Equal(ConfirmationStatus.Confirmed, step.State.Status);
        Assert.Equal(Sms, step.State.ConfirmedBy);
        Assert.Equal(AttemptStatus.Delivered, step.State.AttemptN(2).Status);
        Assert.Empty(step.Of<EnqueueSend>());
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("queued")]
    [InlineData("scheduled")]
    public void Early_receipts_are_recorded_once_and_ignored_after_sending(string early)
    {
        var clock = NewClock();
        var state = AcceptedSms(clock);

        Assert.Equal(early, Receipt(state, 1, early, clock).State.AttemptN(1).Receipt);
        var sending = Receipt(state, 1, "sending", clock).State;
        Assert.Null(DeliveryMachine.ApplyReceipt(sending, 1, early, null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Read_is_a_final_receipt()
    {
        var clock = NewClock();
        var sending = Receipt(AcceptedSms(clock), 1, "sending", clock).State;

        var read = Receipt(sending, 1, "read", clock).State;

        Assert.Equal("read", read.AttemptN(1).Receipt);
        Assert.Null(DeliveryMachine.ApplyReceipt(read, 1, "sent", null, new DeliveryContext(clock.GetUtcNow(), Timings, All)));
    }

    [Fact]
    public void Undelivered_for_the_recipients_reason_reroutes_without_counting_against_the_channel()
    {
        var clock = NewClock();
        var state = AcceptedSms(clock);
        var context = new DeliveryContext(clock.GetUtcNow(), Timings, All);

        var recipients = DeliveryMachine.ApplyReceipt(state, 1, "undelivered", "30003", context, recipientProblem: true).Must();
        var channels = DeliveryMachine.ApplyReceipt(state, 1, "undelivered", "30008", context).Must();

        Assert.Empty(recipients.Of<ReportHealth>());
        Assert.Equal(new ReportHealth(Sms, false, "30008"), Assert.Single(channels.Of<ReportHealth>()));
        Assert.Equal(AttemptStatus.Queued, recipients.State.AttemptN(2).Status);
    }
}
