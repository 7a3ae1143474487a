using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Merchants;

/// <summary>A merchant reads its own profile and changes the settings a shop owner may change herself.</summary>
[Collection(AppCollection.Name)]
public sealed class MerchantSettingsTests(NotifyApp app)
{
    [Fact]
    public async Task A_merchant_reads_its_own_profile_without_secrets()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(merchant.Id, JsonNode.Parse(text)!["merchantId"]!.GetValue<string>());
        Assert.DoesNotContain(merchant.WebhookSecret, text);
        Assert.DoesNotContain(merchant.ApiKey, text);
    }

    [Fact]
    public async Task Another_merchants_key_cannot_read_or_change_a_profile()
    {
        var owner = await MerchantClient.CreateAsync(app);
        var other = await MerchantClient.CreateAsync(app);

        using var read = await owner.GetAsync($"/api/merchants/{owner.Id}", key: other.ApiKey);
        using var patch = await owner.SendAsync(HttpMethod.Patch, $"/api/merchants/{owner.Id}/settings", """{"locale":"en-US"}""", key: other.ApiKey);
        using var unknown = await owner.GetAsync("/api/merchants/m_00000000000000ff");

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal("ko-KR", (await OwnAsync(owner))["locale"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_merchant_changes_its_own_settings_with_the_same_rules()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await merchant.SendAsync(HttpMethod.Patch, $"/api/merchants/{merchant.Id}/settings",
            """{"channels":["email","webhook","sms"],"webhookUrl":"https://shop.example/new","alertContact":{"email":"new@example.com"},"locale":"en-US","timeZone":"Asia/Tokyo"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await OwnAsync(merchant);
        Assert.Equal(["email", "webhook", "sms"], profile["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("https://shop.example/new", profile["webhookUrl"]!.GetValue<string>());
        Assert.Equal("new@example.com", profile["alertContact"]!["email"]!.GetValue<string>());
        Assert.Equal("Asia/Tokyo", profile["timeZone"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"active":false}""", "active")]
    [InlineData("""{"name":"새이름"}""", "name")]
    [InlineData("""{"retentionDays":1}""", "retentionDays")]
    [InlineData("""{"webhookUrl":"ftp://shop.example"}""", "webhookUrl")]
    [InlineData("""{"kakao":{"pfId":"no spaces please","templateId":"KA01TP1"}}""", "kakao.pfId")]
    [InlineData("""{"nickname":"x"}""", "nickname")]
    public async Task What_a_merchant_may_not_change_or_gets_wrong_is_422_and_changes_nothing(string body, string path)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var before = (await OwnAsync(merchant)).ToJsonString();

        using var response = await merchant.SendAsync(HttpMethod.Patch, $"/api/merchants/{merchant.Id}/settings", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, path);
        Assert.Equal(before, (await OwnAsync(merchant)).ToJsonString());
    }

    private async Task<JsonObject> OwnAsync(MerchantClient merchant)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
