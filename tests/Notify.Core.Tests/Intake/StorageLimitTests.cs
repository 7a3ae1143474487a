using Notify.Common;
using Notify.Core.Tests.Common;
using Notify.Intake;
using Notify.Orders;

namespace Notify.Core.Tests.Intake;

/// <summary>Whatever passes validation fits Azure Tables: amounts that cannot overflow, dates it can hold, text it can store.</summary>
public sealed class StorageLimitTests
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

    public static TheoryData<string, decimal, int, decimal> HugeAmounts => new()
    {
        // unit price, quantity, total
        { "max decimal twice", decimal.MaxValue, 2, decimal.MaxValue },
        { "max decimal once", decimal.MaxValue, 1, decimal.MaxValue },
        { "just over the cap", OrderValidator.MaxAmount + 1, 1, OrderValidator.MaxAmount + 1 },
        { "many lines of the cap", OrderValidator.MaxAmount, 10_000, OrderValidator.MaxAmount },
        { "tiny fraction", 0.0000000000000000000000000001m, 1, 0.0000000000000000000000000001m },
    };

    [Theory]
    [MemberData(nameof(HugeAmounts))]
    public void Amounts_that_could_overflow_are_422_not_an_exception(string why, decimal unitPrice, int quantity, decimal total)
    {
        var lines = Enumerable.Range(0, 100).Select(_ => (ItemSubmission?)new ItemSubmission("떡", quantity, unitPrice)).ToList();
        var result = OrderValidator.Validate(Valid() with { Items = lines, Total = total }, "KR", Now);

        Assert.True(result.Problem is { Status: 422 }, why);
    }

    [Theory]
    [InlineData("1000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1600-12-31T23:59:59Z")]
    [InlineData("1601-01-01T00:00:00+14:00")]
    [InlineData("1999-12-31T23:59:59Z")]
    public void Placed_before_2000_is_422(string placedAt)
    {
        var result = OrderValidator.Validate(Valid() with { PlacedAt = DateTimeOffset.Parse(placedAt) }, "KR", Now);

        Assert.Contains("placedAt", result.Problem!.Errors!.Keys);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1600-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2040-01-01T00:00:00Z")]
    public void Hand_over_times_storage_cannot_hold_or_no_one_plans_are_422(string at)
    {
        var result = OrderValidator.Validate(Valid() with { Fulfillment = new FulfillmentSubmission("pickup", DateTimeOffset.Parse(at)) }, "KR", Now);

        Assert.Contains("fulfillment.at", result.Problem!.Errors!.Keys);
    }

    [Fact]
    public void Longest_lines_of_emoji_and_korean_fit_one_stored_column()
    {
        var name = string.Concat(Enumerable.Repeat("😀떡", 66));
        var lines = Enumerable.Range(0, OrderValidator.MaxItems).Select(_ => (ItemSubmission?)new ItemSubmission(name, 1, 1000m)).ToList();
        var order = OrderValidator.Validate(Valid() with { Items = lines, Total = 100 * 1000m }, "KR", Now).Value!;

        var stored = Json.SerializeStored(order.Items);

        Assert.True(stored.Length < 32 * 1024, $"{stored.Length} characters");
        Assert.Contains("😀떡", stored);
        Assert.Equal(order.Items, Json.Deserialize<List<OrderItem>>(stored));
    }

    public static TheoryData<string, char> FieldsAndRefusedCharacters()
    {
        var data = new TheoryData<string, char>();
        foreach (var c in FreeTextTests.Refused())
        {
            foreach (var field in new[] { "orderNumber", "customer.name", "items[0].name", "note" })
            {
                data.Add(field, c);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FieldsAndRefusedCharacters))]
    public void Control_characters_in_any_text_field_are_422_at_its_path(string field, char c)
    {
        var text = $"떡{c}집";
        var s = Valid();
        s = field switch
        {
            "orderNumber" => s with { OrderNumber = text },
            "customer.name" => s with { Customer = s.Customer! with { Name = text } },
            "items[0].name" => s with { Items = [new ItemSubmission(text, 2, 15000m)] },
            _ => s with { Note = text },
        };

        Assert.Contains(field, OrderValidator.Validate(s, "KR", Now).Problem!.Errors!.Keys);
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\u200D")]
    [InlineData(" \u3000 ")]
    public void Names_of_invisible_characters_only_are_422(string name)
    {
        var s = Valid();

        Assert.Contains("customer.name", OrderValidator.Validate(s with { Customer = s.Customer! with { Name = name } }, "KR", Now).Problem!.Errors!.Keys);
        Assert.Contains("items[0].name", OrderValidator.Validate(s with { Items = [new ItemSubmission(name, 2, 15000m)] }, "KR", Now).Problem!.Errors!.Keys);
    }

    [Fact]
    public void Line_breaks_in_a_note_are_stored_as_spaces()
    {
        var order = OrderValidator.Validate(Valid() with { Note = "문 앞에\r\n놓아\t주세요\n" }, "KR", Now).Value!;

        Assert.Equal("문 앞에 놓아 주세요", order.Note);
    }
}
