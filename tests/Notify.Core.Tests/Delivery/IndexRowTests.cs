using Microsoft.Extensions.Time.Testing;
using Notify.Channels;
using Notify.Deadlines;
using Notify.Delivery;
using static Notify.Core.Tests.Delivery.Deliveries;

namespace Notify.Core.Tests.Delivery;

/// <summary>
/// A send's row in the sweep's index is written once, when it is queued, where its receipt deadline will most likely
/// fall; the send moves it only when it misses, and the sweep moves it on when it wakes early.
/// </summary>
public sealed class IndexRowTests
{
    private static readonly TimeSpan Learned = TimeSpan.FromSeconds(26);
    private static readonly DeliveryTimings Adaptive = Timings with { Learned = new Dictionary<string, TimeSpan> { [Sms] = Learned } };

    private static DeliveryContext At(FakeTimeProvider clock) => new(clock.GetUtcNow(), Adaptive, All);

    [Fact]
    public void A_queued_sms_is_indexed_at_its_receipt_wait_plus_the_send_margin_and_keeps_its_pickup_deadline()
    {
        var clock = NewClock();
        var queuedAt = clock.GetUtcNow();

        var step = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, At(clock)).Must();

        var attempt = step.State.AttemptN(1);
        Assert.Equal(queuedAt + Timings.SendPickup, attempt.DeadlineAt);
        Assert.Equal(queuedAt + Learned + DeliveryTimings.SendMargin, attempt.IndexedAt);
        Assert.Equal(new ScheduleDeadline(DeadlineKeys.Attempt(1), queuedAt + Learned + DeliveryTimings.SendMargin, Sms), step.Effects[0]);
    }

    [Fact]
    public void Without_a_learned_wait_the_row_is_the_pickup_deadline()
    {
        var clock = NewClock();

        var attempt = Planned(clock).AttemptN(1);

        Assert.Null(attempt.IndexedAt);
        Assert.Equal(attempt.DeadlineAt, attempt.IndexDue);
    }

    [Fact]
    public void An_sms_accepted_within_the_margin_writes_no_deadline_and_its_receipt_clears_the_row_written_at_queueing()
    {
        var clock = NewClock();
        var queuedAt = clock.GetUtcNow();
        var planned = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, At(clock)).Must().State;
        clock.Advance(TimeSpan.FromSeconds(1.5));

        var accepted = DeliveryMachine.RecordSend(Claimed(planned), 1, new SendResult(SendStatus.Accepted, "SM1"), At(clock)).Must();

        Assert.Empty(accepted.Of<ScheduleDeadline>());
        Assert.Empty(accepted.Of<ClearDeadline>());
        var waiting = accepted.State.AttemptN(1);
        Assert.Equal(clock.GetUtcNow() + Learned, waiting.DeadlineAt);
        Assert.Equal(queuedAt + Learned + DeliveryTimings.SendMargin, waiting.IndexDue);
        clock.Advance(TimeSpan.FromSeconds(3));
        var delivered = DeliveryMachine.ApplyReceipt(accepted.State, 1, "delivered", null, At(clock)).Must();
        Assert.Contains(new ClearDeadline(DeadlineKeys.Attempt(1), queuedAt + Learned + DeliveryTimings.SendMargin), delivered.Effects);
    }

    [Fact]
    public void A_slow_send_keeps_its_early_row_and_the_sweep_moves_it_to_the_receipt_deadline_if_still_waiting()
    {
        var clock = NewClock();
        var queuedAt = clock.GetUtcNow();
        var planned = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, At(clock)).Must().State;
        clock.Advance(DeliveryTimings.SendMargin + TimeSpan.FromSeconds(1));
        var due = clock.GetUtcNow() + Learned;

        var accepted = DeliveryMachine.RecordSend(Claimed(planned), 1, new SendResult(SendStatus.Accepted, "SM1"), At(clock)).Must();
        clock.Advance(Learned - TimeSpan.FromSeconds(0.5));
        var woken = DeliveryMachine.Wake(accepted.State, 1, At(clock)).Must();

        Assert.Empty(accepted.Of<ScheduleDeadline>());
        Assert.Equal(queuedAt + Learned + DeliveryTimings.SendMargin, accepted.State.AttemptN(1).IndexDue);
        Assert.Equal(AttemptStatus.Accepted, woken.State.AttemptN(1).Status);
        Assert.Equal<Effect>([new ScheduleDeadline(DeadlineKeys.Attempt(1), due, Sms)], woken.Effects);
        Assert.Equal(due, woken.State.AttemptN(1).IndexDue);
    }

    [Fact]
    public void A_row_more_than_the_margin_after_the_receipt_deadline_moves_to_it()
    {
        var clock = NewClock();
        var queuedAt = clock.GetUtcNow();
        var planned = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, At(clock)).Must().State;
        // The learned wait fell between queueing and acceptance.
        var shorter = Timings with { Learned = new Dictionary<string, TimeSpan> { [Sms] = Learned - TimeSpan.FromSeconds(10) } };
        var due = clock.GetUtcNow() + Learned - TimeSpan.FromSeconds(10);

        var accepted = DeliveryMachine.RecordSend(Claimed(planned), 1, new SendResult(SendStatus.Accepted, "SM1"), new DeliveryContext(clock.GetUtcNow(), shorter, All)).Must();

        Assert.Equal(new ScheduleDeadline(DeadlineKeys.Attempt(1), due, Sms), Assert.Single(accepted.Of<ScheduleDeadline>()));
        Assert.Equal(new ClearDeadline(DeadlineKeys.Attempt(1), queuedAt + Learned + DeliveryTimings.SendMargin), Assert.Single(accepted.Of<ClearDeadline>()));
        Assert.Null(accepted.State.AttemptN(1).IndexedAt);
    }

    [Fact]
    public void A_kept_row_at_most_the_margin_late_still_expires_the_attempt_when_it_comes_due()
    {
        var clock = NewClock();
        var planned = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, At(clock)).Must().State;
        clock.Advance(TimeSpan.FromSeconds(1));
        var accepted = DeliveryMachine.RecordSend(Claimed(planned), 1, new SendResult(SendStatus.Accepted, "SM1"), At(clock)).Must().State;
        clock.Advance(Learned + TimeSpan.FromSeconds(1));

        var woken = DeliveryMachine.Wake(accepted, 1, At(clock)).Must();

        Assert.Equal(AttemptStatus.TimedOut, woken.State.AttemptN(1).Status);
        Assert.Equal(new EnqueueSend(Email, 2), Assert.Single(woken.Of<EnqueueSend>()));
    }

    [Fact]
    public void A_send_still_queued_when_its_row_comes_due_moves_the_row_to_its_pickup_deadline()
    {
        var clock = NewClock();
        var queuedAt = clock.GetUtcNow();
        var planned = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, At(clock)).Must().State;
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(DeliveryMachine.Wake(planned, 1, At(clock)));
        clock.Advance(TimeSpan.FromSeconds(10));

        var woken = DeliveryMachine.Wake(planned, 1, At(clock)).Must();

        Assert.Equal(AttemptStatus.Queued, woken.State.AttemptN(1).Status);
        Assert.Null(woken.State.AttemptN(1).IndexedAt);
        Assert.Equal<Effect>([new ScheduleDeadline(DeadlineKeys.Attempt(1), queuedAt + Timings.SendPickup, Sms)], woken.Effects);
        Assert.Null(DeliveryMachine.Wake(woken.State, 1, At(clock)));
    }
}
