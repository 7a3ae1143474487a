using Notify.Intake;

namespace Notify.Core.Tests.Intake;

public sealed class OrderValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    private static OrderSubmission Valid() => new(
        "A-1001",
        new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(9)),
        new CustomerSubmission("김민지", "010-1234-5678", "minji@example.com", "ko-KR"),
        [new ItemSubmission("쑥떡 세트", 2, 15000m)],
        30000m,
        "KRW",
        new FulfillmentSubmission("pickup", null),
        "문 앞에 놓아주세요");

    [Fact]
    public void Valid_order_is_normalised()
    {
        var order = OrderValidator.Validate(Valid(), "KR", Now).Value!;

        Assert.Equal("+821012345678", order.Customer.Phone);
        Assert.Equal("+821012345678", order.Customer.Key);
        Assert.Equal(30000m, order.Total);
    }

    [Fact]
    public void All_field_errors_are_reported_at_once()
    {
        var bad = Valid() with { OrderNumber = "", Total = 1m, Currency = "ZZZ" };

        var errors = OrderValidator.Validate(bad, "KR", Now).Problem!.Errors!;

        Assert.Contains("orderNumber", errors.Keys);
        Assert.Contains("currency", errors.Keys);
        Assert.Equal(422, OrderValidator.Validate(bad, "KR", Now).Problem!.Status);
    }

    [Fact]
    public void Total_must_equal_the_sum_of_the_lines()
    {
        var bad = Valid() with { Items = [new ItemSubmission("a", 3, 1000m), new ItemSubmission("b", 1, 500m)], Total = 3000m };

        var problem = OrderValidator.Validate(bad, "KR", Now).Problem!;

        Assert.Contains("3500", problem.Errors!["total"][0]);
    }

    [Fact]
    public void Usd_allows_cents_and_krw_does_not()
    {
        var usd = Valid() with { Items = [new ItemSubmission("a", 2, 1.25m)], Total = 2.50m, Currency = "USD" };
        var krw = usd with { Currency = "KRW" };

        Assert.Null(OrderValidator.Validate(usd, "KR", Now).Problem);
        Assert.Contains("items[0].unitPrice", OrderValidator.Validate(krw, "KR", Now).Problem!.Errors!.Keys);
    }

    [Fact]
    public void Email_alone_is_enough_to_reach_a_customer()
    {
        var emailOnly = Valid() with { Customer = new CustomerSubmission("Alex", null, "ALEX@example.com", null) };

        var order = OrderValidator.Validate(emailOnly, "KR", Now).Value!;

        Assert.Equal("alex@example.com", order.Customer.Key);
    }

    [Fact]
    public void National_numbers_are_read_in_the_given_region()
    {
        var us = Valid() with { Customer = new CustomerSubmission("Sam", "(201) 555-0123", null, null) };

        Assert.Equal("+12015550123", OrderValidator.Validate(us, "US", Now).Value!.Customer.Phone);
        Assert.NotNull(OrderValidator.Validate(us, "KR", Now).Problem);
    }
}
