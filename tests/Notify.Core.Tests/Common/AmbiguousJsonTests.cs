using System.Text;
using Notify.Common;
using Notify.Intake;

namespace Notify.Core.Tests.Common;

/// <summary>A body two parsers could read differently is refused before anything reads it.</summary>
public sealed class AmbiguousJsonTests
{
    [Theory]
    [InlineData("""{"total":30000,"total":1}""", "total")]
    [InlineData("""{"total":30000,"Total":1}""", "Total")]
    [InlineData("""{"TOTAL":1,"total":30000}""", "total")]
    [InlineData("""{"customer":{"name":"a","name":"b"}}""", "customer.name")]
    [InlineData("""{"customer":{"phone":"1","Phone":"2"}}""", "customer.Phone")]
    [InlineData("""{"items":[{"name":"a"},{"quantity":1,"quantity":2}]}""", "items[1].quantity")]
    [InlineData("""{"note":"x","unknown":{"a":1,"a":2}}""", "unknown.a")]
    [InlineData("""{"fulfillment":{"type":"pickup","tYpE":"delivery"}}""", "fulfillment.tYpE")]
    public void Duplicate_names_at_any_depth_and_in_any_case_are_400(string body, string where)
    {
        var problem = JsonBody.Parse<OrderSubmission>(Encoding.UTF8.GetBytes(body)).Problem!;

        Assert.Equal(400, problem.Status);
        Assert.Contains($"'{where}'", problem.Detail);
    }

    [Theory]
    [InlineData("""{"note":"\uD800"}""")]
    [InlineData("""{"note":"\uDC00x"}""")]
    [InlineData("""{"customer":{"name":"a\uD83D"}}""")]
    [InlineData("""{"\uD800":1}""")]
    public void Escaped_half_surrogates_are_a_problem_not_an_exception(string body)
    {
        Assert.InRange(JsonBody.Parse<OrderSubmission>(Encoding.UTF8.GetBytes(body)).Problem!.Status, 400, 422);
    }

    [Fact]
    public void Distinct_names_in_sibling_objects_are_fine()
    {
        var result = JsonBody.Parse<OrderSubmission>(Encoding.UTF8.GetBytes("""{"items":[{"name":"a"},{"name":"b"}],"customer":{"name":"c"}}"""));

        Assert.Null(result.Problem);
    }
}
