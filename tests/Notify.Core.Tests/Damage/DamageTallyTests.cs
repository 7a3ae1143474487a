using Notify.Channels.Health;
using Notify.Common;
using Notify.Damage;
using Notify.Delivery;
using Notify.Orders;

namespace Notify.Core.Tests.Damage;

public sealed class DamageTallyTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly DamageWindow Window = new(From, From.AddHours(3));

    [Fact]
    public void Failed_and_skipped_channels_make_a_delivery_affected_and_count_how_it_was_confirmed()
    {
        var orders = new[]
        {
            Row("a", From.AddMinutes(1), ConfirmationStatus.Confirmed, "sms,email", "sms", new Attempt(1, "sms", AttemptStatus.Delivered, From.AddMinutes(1).AddSeconds(2))),
            Row("b", From.AddMinutes(2), ConfirmationStatus.Confirmed, "sms,email", "email",
                new Attempt(1, "sms", AttemptStatus.Failed, From.AddMinutes(2)), new Attempt(2, "email", AttemptStatus.Delivered, From.AddMinutes(2).AddSeconds(5))),
            Row("c", From.AddMinutes(3), ConfirmationStatus.Confirmed, "sms,email", "email", new Attempt(1, "email", AttemptStatus.Delivered, From.AddMinutes(3))),
            Row("d", From.AddMinutes(4), ConfirmationStatus.Exhausted, "sms", null, new Attempt(1, "sms", AttemptStatus.TimedOut, From.AddMinutes(4))),
        };

        var report = DamageTally.Build(Window, "Asia/Seoul", orders, [], []);

        Assert.Equal((4, 3, 1), (report.Orders, report.Affected, report.Unreached));
        Assert.Equal(new Dictionary<string, int> { ["email"] = 2 }, report.ConfirmedInstead);
        Assert.Equal(new PassedOverCount(2, 1), report.PassedOver["sms"]);
        Assert.Equal(["b", "c", "d"], report.AffectedOrders.Select(o => o.OrderId));
        Assert.Equal(["sms"], report.AffectedOrders.Single(o => o.OrderId == "c").Skipped);
        // Nearest rank over 2000, 5000, 0 ms.
        Assert.Equal(new TimeToConfirm(2000, 5000, 3), report.TimeToConfirm);
    }

    [Fact]
    public void A_customer_reached_by_another_order_is_not_unreached()
    {
        var orders = new[]
        {
            Row("same", From, ConfirmationStatus.Exhausted, "sms", null, new Attempt(1, "sms", AttemptStatus.Failed, From)),
            Row("same", From.AddMinutes(1), ConfirmationStatus.Confirmed, "sms", "sms", new Attempt(1, "sms", AttemptStatus.Delivered, From.AddMinutes(1))),
        };

        Assert.Equal(0, DamageTally.Build(Window, "UTC", orders, [], []).Unreached);
    }

    [Fact]
    public void Hours_are_the_merchants_and_a_week_earlier_falls_in_the_same_hour()
    {
        var orders = new[] { Row("a", From.AddMinutes(30), ConfirmationStatus.Pending, "", null) };

        var report = DamageTally.Build(Window, "Asia/Seoul", orders, [From.AddDays(-7).AddMinutes(10), From.AddDays(-7).AddHours(2)], []);

        Assert.Equal(
            [(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(9)), 1, 1), (new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(9)), 0, 0),
             (new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.FromHours(9)), 0, 1)],
            report.Hourly.Select(h => (h.Hour, h.Orders, h.WeekEarlier)));
        Assert.All(report.Hourly, h => Assert.Equal(TimeSpan.FromHours(9), h.Hour.Offset));
    }

    [Fact]
    public void Only_outages_that_overlap_the_window_are_listed_and_an_open_one_counts()
    {
        OutageRecord[] ledger =
        [
            Line("old", From.AddDays(-1), From.AddMinutes(-1)),
            Line("during", From.AddHours(1), From.AddHours(2)),
            Line("open", From.AddHours(2).AddMinutes(30), null),
            Line("after", Window.To, Window.To.AddHours(1)),
        ];

        Assert.Equal(["during", "open"], DamageTally.Build(Window, "UTC", [], [], ledger).Outages.Select(o => o.Id));
    }

    private static OutageRecord Line(string id, DateTimeOffset start, DateTimeOffset? end) => new()
    {
        PartitionKey = "sms", RowKey = id + (end is null ? "|opened" : "|closed"), OutageId = id, Event = end is null ? "opened" : "closed", Start = start, End = end,
    };

    private static OrderEntity Row(string id, DateTimeOffset accepted, ConfirmationStatus status, string chain, string? confirmedBy, params Attempt[] attempts) => new()
    {
        OrderId = id, OrderNumber = "N-" + id, AcceptedAt = accepted, CustomerName = "김민지", CustomerPhone = "+8210" + id,
        ConfirmationStatus = status.Stored(), Chain = chain, ConfirmedBy = confirmedBy, AttemptsJson = Json.Serialize(attempts),
    };
}
