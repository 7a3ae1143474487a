using System.Net;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Damage;

/// <summary>A damage report's window is checked before anything is read; the report is the merchant's alone.</summary>
[Collection(AppCollection.Name)]
public sealed class DamageWindowTests(NotifyApp app)
{
    [Theory]
    [InlineData("from=2026-11-28T10:00:00%2B09:00&to=2026-11-28T09:00:00%2B09:00", "to")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:01Z", "to")]
    [InlineData("from=yesterday&to=2026-11-28T09:00:00Z", "from")]
    [InlineData("from=2026-11-28T09:00:00Z&to=soon", "to")]
    [InlineData("to=2026-11-28T09:00:00Z", "from")]
    public async Task Bad_window_is_a_422_that_names_the_field(string query, string field)
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/damage?{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Ninety_two_days_is_the_longest_window()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/damage?from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Another_merchants_key_is_refused()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var other = await MerchantClient.CreateAsync(app);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/damage?from=2026-11-28T00:00:00Z", key: other.ApiKey);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
