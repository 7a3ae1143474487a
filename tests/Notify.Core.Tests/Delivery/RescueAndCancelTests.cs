using Notify.Channels;
using Notify.Delivery;
using Notify.Orders;
using static Notify.Core.Tests.Delivery.Deliveries;

namespace Notify.Core.Tests.Delivery;

/// <summary>What the outage ledger hears when another channel confirms, and what an erasure stops.</summary>
public sealed class RescueAndCancelTests
{
    [Fact]
    public void Email_confirming_after_a_failed_sms_rescues_sms_only()
    {
        var clock = NewClock();
        var failed = Send(Planned(clock), clock, SendStatus.Failed).State;

        var confirmed = Send(failed, clock, SendStatus.Delivered);

        var rescued = Assert.Single(confirmed.Of<Rescued>());
        Assert.Equal([Sms], rescued.PassedOver);
        Assert.Equal(Email, rescued.By);
    }

    [Fact]
    public void Email_confirming_after_sms_was_skipped_while_down_rescues_sms()
    {
        var clock = NewClock();
        var planned = Planned(clock, available: Only(Email, Webhook));

        var confirmed = Send(planned, clock, SendStatus.Delivered);

        var rescued = Assert.Single(confirmed.Of<Rescued>());
        Assert.Equal([Sms], rescued.PassedOver);
        Assert.Equal(Email, rescued.By);
    }

    [Fact]
    public void A_late_delivered_receipt_for_sms_after_email_confirmed_rescues_nothing_more()
    {
        var clock = NewClock();
        var accepted = Send(Planned(clock), clock, SendStatus.Accepted).State;
        clock.Advance(Timings.SmsReceipt);
        var rerouted = DeliveryMachine.Expire(accepted, 1, new DeliveryContext(clock.GetUtcNow(), Timings, All)).Must().State;

        // The first channel confirms by its receipt while e-mail is queued: nothing was passed over.
        var confirmed = Receipt(rerouted, 1, "delivered", clock);

        Assert.Empty(confirmed.Of<Rescued>());
        Assert.Equal(Sms, confirmed.State.ConfirmedBy);
    }

    [Fact]
    public void The_first_channel_confirming_rescues_nothing()
    {
        var clock = NewClock();

        Assert.Empty(Send(Planned(clock), clock, SendStatus.Delivered).Of<Rescued>());
    }

    [Fact]
    public void Cancel_stops_an_open_delivery_and_every_waiting_attempt()
    {
        var clock = NewClock();
        var failed = Send(Planned(clock), clock, SendStatus.Failed).State;

        var cancelled = DeliveryMachine.Cancel(failed, "erased").Must();

        Assert.Equal(ConfirmationStatus.Cancelled, cancelled.State.Status);
        Assert.Empty(cancelled.Effects);
        Assert.Equal(AttemptStatus.Failed, cancelled.State.AttemptN(1).Status);
        Assert.Equal(failed.AttemptN(2) with { Status = AttemptStatus.Cancelled, DeadlineAt = null, Error = "erased" }, cancelled.State.AttemptN(2));
        Assert.Null(DeliveryMachine.Claim(cancelled.State, 2));
    }

    [Fact]
    public void Cancel_leaves_a_settled_delivery_as_it_is()
    {
        var clock = NewClock();
        var confirmed = Send(Planned(clock), clock, SendStatus.Delivered).State;

        Assert.Null(DeliveryMachine.Cancel(confirmed, "erased"));
    }
}
