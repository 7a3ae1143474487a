using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.MerchantConsole;

[Collection(AppCollection.Name)]
public sealed class MerchantChannelsTests(NotifyApp app)
{
    [Fact]
    public async Task A_merchant_reads_its_own_chain_with_each_channels_state_and_no_ledger_numbers()
    {
        var merchant = await MerchantClient.CreateAsync(app, new { name = "쑥떡집", channels = new[] { "email", "sms" } });

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/channels");
        var body = await response.Content.ReadAsStringAsync();
        var channels = JsonNode.Parse(body)!["channels"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["email", "sms"], channels.Select(c => c!["channel"]!.GetValue<string>()));
        Assert.All(channels, c => Assert.True(c!["shared"]!.GetValue<bool>()));
        Assert.DoesNotContain("affected", body);
        Assert.DoesNotContain("failures", body);
        Assert.DoesNotContain("confirmedInstead", body);
    }

    [Fact]
    public async Task Another_merchants_key_is_refused()
    {
        var mine = await MerchantClient.CreateAsync(app);
        var theirs = await MerchantClient.CreateAsync(app);

        using var response = await mine.GetAsync($"/api/merchants/{theirs.Id}/channels");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
