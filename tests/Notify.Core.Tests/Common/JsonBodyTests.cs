using System.Text;
using Notify.Common;
using Notify.Intake;

namespace Notify.Core.Tests.Common;

public sealed class JsonBodyTests
{
    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("")]
    public void Malformed_or_non_object_json_is_400(string body)
    {
        Assert.Equal(400, JsonBody.Parse<OrderSubmission>(Encoding.UTF8.GetBytes(body)).Problem!.Status);
    }

    [Theory]
    [InlineData("{\"total\":\"many\"}", "total")]
    [InlineData("{\"customer\":{\"phone\":12}}", "customer.phone")]
    [InlineData("{\"items\":[{\"quantity\":1.5}]}", "items[0].quantity")]
    public void Wrong_type_is_422_at_its_path(string body, string path)
    {
        var problem = JsonBody.Parse<OrderSubmission>(Encoding.UTF8.GetBytes(body)).Problem!;

        Assert.Equal(422, problem.Status);
        Assert.Contains(path, problem.Errors!.Keys);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var parsed = JsonBody.Parse<OrderSubmission>(Encoding.UTF8.GetBytes("{\"orderNumber\":\"A\",\"kakao\":{\"x\":1}}"));

        Assert.Equal("A", parsed.Value!.OrderNumber);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var result = await JsonBody.ReadAsync<OrderSubmission>(new MemoryStream(new byte[2049]), 2048, CancellationToken.None);

        Assert.Equal(413, result.Problem!.Status);
    }
}
