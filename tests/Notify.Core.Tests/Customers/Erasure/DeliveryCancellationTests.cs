using Azure.Data.Tables;
using Notify.Common;
using Notify.Customers.Erasure;
using Notify.Delivery;
using Notify.Orders;

namespace Notify.Core.Tests.Customers.Erasure;

public sealed class DeliveryCancellationTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static TableEntity Row(string status, params Attempt[] attempts) => new("m_0123456789abcdef", "order|x")
    {
        [nameof(OrderEntity.ConfirmationStatus)] = status,
        [nameof(OrderEntity.AttemptsJson)] = Json.Serialize(attempts),
    };

    [Fact]
    public void An_open_delivery_is_cancelled_with_every_waiting_attempt_and_its_history_kept()
    {
        var row = Row("sent",
            new Attempt(1, "sms", AttemptStatus.Failed, At, Error: "503"),
            new Attempt(2, "email", AttemptStatus.Accepted, At, At.AddMinutes(5)));

        DeliveryCancellation.Cancel(row);

        Assert.Equal("cancelled", row.GetString(nameof(OrderEntity.ConfirmationStatus)));
        var attempts = Json.Deserialize<List<Attempt>>(row.GetString(nameof(OrderEntity.AttemptsJson))!);
        Assert.Equal(AttemptStatus.Failed, attempts[0].Status);
        Assert.Equal(AttemptStatus.Cancelled, attempts[1].Status);
        Assert.Null(attempts[1].DeadlineAt);
        Assert.True(new DeliveryState(ConfirmationStatus.Cancelled, ["sms", "email"], attempts).IsSettled);
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("exhausted")]
    public void A_settled_delivery_is_left_as_it_is(string status)
    {
        var row = Row(status, new Attempt(1, "sms", AttemptStatus.Delivered, At));
        var before = row.GetString(nameof(OrderEntity.AttemptsJson));

        DeliveryCancellation.Cancel(row);

        Assert.Equal(status, row.GetString(nameof(OrderEntity.ConfirmationStatus)));
        Assert.Equal(before, row.GetString(nameof(OrderEntity.AttemptsJson)));
    }

    [Fact]
    public void A_cancelled_delivery_is_not_planned_claimed_or_expired()
    {
        var cancelled = new DeliveryState(ConfirmationStatus.Cancelled, ["sms"], [new Attempt(1, "sms", AttemptStatus.Cancelled, At)]);
        var timings = new DeliveryTimings(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));

        Assert.Null(DeliveryMachine.Plan(DeliveryState.Unplanned with { Status = ConfirmationStatus.Cancelled }, ["sms"], new DeliveryContext(At, timings, new HashSet<string> { "sms" })));
        Assert.Null(DeliveryMachine.Claim(cancelled, 1));
        Assert.Null(DeliveryMachine.Expire(cancelled, 1, new DeliveryContext(At.AddDays(1), timings, new HashSet<string> { "sms" })));
    }
}
