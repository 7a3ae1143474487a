using Notify.Channels;
using Notify.Deadlines;
using Notify.Delivery;
using static Notify.Core.Tests.Delivery.Deliveries;

namespace Notify.Core.Tests.Delivery;

/// <summary>The merchant alert of an exhausted delivery: claimed once, recorded once, retaken only when abandoned.</summary>
public sealed class AlertTests
{
    private static DeliveryState Exhausted(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var state = Planned(clock);
        for (var i = 0; i < Chain.Length; i++)
        {
            state = Send(state, clock, SendStatus.Failed).State;
        }
        Assert.Equal(ConfirmationStatus.Exhausted, state.Status);
        return state;
    }

    private static DeliveryContext Now(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) => new(clock.GetUtcNow(), Timings, All);

    [Fact]
    public void Pending_alert_is_claimed_with_a_deadline_and_a_send()
    {
        var clock = NewClock();
        var exhausted = Exhausted(clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        var step = DeliveryMachine.ClaimAlert(exhausted, Now(clock)).Must();

        var due = clock.GetUtcNow() + Timings.SendPickup;
        Assert.Equal(AlertStatus.Sending, step.State.Alert);
        Assert.Equal(due, step.State.AlertDueAt);
        Assert.Equal([new ScheduleDeadline(DeadlineKeys.Alert, due), new ClearDeadline(DeadlineKeys.Alert, exhausted.AlertDueAt!.Value), new SendAlert()], step.Effects);
    }

    [Fact]
    public void Live_claim_is_not_taken_twice()
    {
        var clock = NewClock();
        var claimed = DeliveryMachine.ClaimAlert(Exhausted(clock), Now(clock)).Must().State;
        clock.Advance(Timings.SendPickup - TimeSpan.FromSeconds(1));

        Assert.Null(DeliveryMachine.ClaimAlert(claimed, Now(clock)));
    }

    [Fact]
    public void Claim_abandoned_past_its_deadline_is_taken_again()
    {
        var clock = NewClock();
        var claimed = DeliveryMachine.ClaimAlert(Exhausted(clock), Now(clock)).Must().State;
        clock.Advance(Timings.SendPickup);

        var retaken = DeliveryMachine.ClaimAlert(claimed, Now(clock)).Must();

        Assert.Equal(AlertStatus.Sending, retaken.State.Alert);
        Assert.Contains(new SendAlert(), retaken.Effects);
        Assert.Contains(new ClearDeadline(DeadlineKeys.Alert, claimed.AlertDueAt!.Value), retaken.Effects);
    }

    [Theory]
    [InlineData(true, AlertStatus.Sent)]
    [InlineData(false, AlertStatus.Undeliverable)]
    public void Outcome_is_recorded_once_and_clears_the_deadline(bool sent, AlertStatus expected)
    {
        var clock = NewClock();
        var claimed = DeliveryMachine.ClaimAlert(Exhausted(clock), Now(clock)).Must().State;

        var step = DeliveryMachine.RecordAlert(claimed, sent).Must();

        Assert.Equal(expected, step.State.Alert);
        Assert.Equal([new ClearDeadline(DeadlineKeys.Alert, claimed.AlertDueAt!.Value)], step.Effects);
        Assert.Null(DeliveryMachine.RecordAlert(step.State, sent));
        Assert.Null(DeliveryMachine.ClaimAlert(step.State, Now(clock)));
    }

    [Fact]
    public void Nothing_to_claim_before_exhaustion_or_after_a_late_confirmation()
    {
        var clock = NewClock();
        var exhausted = Exhausted(clock);
        var confirmedLate = Receipt(exhausted, 1, "delivered", clock).State;

        Assert.Null(DeliveryMachine.ClaimAlert(Planned(clock), Now(clock)));
        Assert.Equal(ConfirmationStatus.Confirmed, confirmedLate.Status);
        Assert.Null(DeliveryMachine.ClaimAlert(confirmedLate, Now(clock)));
    }
}
