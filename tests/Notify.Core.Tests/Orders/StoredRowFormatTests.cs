using Notify.Channels.Health;
using Notify.Common;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Orders;

namespace Notify.Core.Tests.Orders;

/// <summary>Rows written before the states became enums read the same, and are written back under the same names.</summary>
public sealed class StoredRowFormatTests
{
    // An exhausted order row exactly as the string-constant code stored it.
    private static OrderEntity RowInTodaysFormat() => new()
    {
        PartitionKey = "m_0123456789abcdef", RowKey = "order|0193a1b2-0000-7000-8000-000000000001", OrderId = "0193a1b2-0000-7000-8000-000000000001",
        OrderNumber = "A-1", FanOut = "planned", ConfirmationStatus = "exhausted", Chain = "sms,email", Alert = "pending",
        AttemptsJson = """[{"n":1,"channel":"sms","status":"timed-out","at":"2026-11-28T09:00:00+00:00","providerId":"SM1","error":"No answer by 2026-11-28T09:05:00.0000000+00:00.","receipt":"sent","segments":1,"isWaiting":false},{"n":2,"channel":"email","status":"failed","at":"2026-11-28T09:05:00+00:00","error":"550","isWaiting":false}]""",
    };

    [Fact]
    public void Delivery_of_a_row_in_todays_format_reads_as_before()
    {
        var state = RowInTodaysFormat().ReadDelivery();

        Assert.Equal(ConfirmationStatus.Exhausted, state.Status);
        Assert.Equal(AlertStatus.Pending, state.Alert);
        Assert.Null(state.AlertDueAt);
        Assert.Equal(["sms", "email"], state.Chain);
        Assert.Equal([AttemptStatus.TimedOut, AttemptStatus.Failed], state.Attempts.Select(a => a.Status));
        Assert.Equal(1, state.Attempts[0].Segments);
    }

    [Fact]
    public void Delivery_is_written_back_under_the_same_names()
    {
        var row = RowInTodaysFormat();
        var written = DeliveryRows.Write(row.PartitionKey, row.RowKey, row.ReadDelivery(), "save-1");

        Assert.Equal("exhausted", written.GetString(nameof(OrderEntity.ConfirmationStatus)));
        Assert.Equal("pending", written.GetString(nameof(OrderEntity.Alert)));
        Assert.Equal("planned", written.GetString(nameof(OrderEntity.FanOut)));
        Assert.Equal(row.AttemptsJson, written.GetString(nameof(OrderEntity.AttemptsJson)));
    }

    [Fact]
    public void Order_view_shows_the_stored_names()
    {
        var view = OrderView.From(RowInTodaysFormat());

        Assert.Equal("exhausted", view.Confirmation.Status);
        Assert.Equal("pending", view.Confirmation.MerchantAlert);
        Assert.Equal(["timed-out", "failed"], view.Confirmation.Attempts.Select(a => a.Status));
    }

    [Theory]
    [InlineData("up", ChannelState.Up)]
    [InlineData("down", ChannelState.Down)]
    [InlineData("probing", ChannelState.Probing)]
    public void Channel_state_reads_and_writes_its_stored_name(string stored, ChannelState state)
    {
        var row = new ChannelHealthEntity { State = stored };

        Assert.Equal(state, row.Status);
        row.Status = state;
        Assert.Equal(stored, row.State);
    }

    [Fact]
    public void Every_stored_name_is_the_old_constant()
    {
        Assert.Equal(["pending", "sent", "confirmed", "exhausted", "cancelled"], StoredName<ConfirmationStatus>.All);
        Assert.Equal(["queued", "sending", "accepted", "unknown", "delivered", "failed", "timed-out", "cancelled"], StoredName<AttemptStatus>.All);
        Assert.Equal(["pending", "sending", "sent", "undeliverable"], StoredName<AlertStatus>.All);
        Assert.Equal(["pending", "enqueue-failed", "planned"], StoredName<FanOutStatus>.All);
        Assert.Equal(["up", "down", "probing"], StoredName<ChannelState>.All);
    }
}
