using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Merchants;

[Collection(AppCollection.Name)]
public sealed class CreateMerchantTests(NotifyApp app)
{
    [Fact]
    public async Task Created_merchant_gets_a_secret_and_a_key_and_only_the_key_hash_is_stored()
    {
        var merchant = await MerchantClient.CreateAsync(app, new { name = "쑥떡집", region = "KR", channels = new[] { "email", "sms" }, webhookUrl = "https://shop.example/hooks" });

        Assert.StartsWith("whsec_", merchant.WebhookSecret);
        Assert.StartsWith("nk_", merchant.ApiKey);
        var row = await app.Storage.Table(Notify.Storage.StorageNames.MerchantsTable).GetEntityAsync<Azure.Data.Tables.TableEntity>(merchant.Id, "profile");
        Assert.Equal("email,sms", row.Value.GetString("Channels"));
        Assert.DoesNotContain(row.Value, kv => kv.Value is string s && s.Contains(merchant.ApiKey, StringComparison.Ordinal));
        Assert.Equal(Notify.Merchants.ApiKeys.Hash(merchant.ApiKey), row.Value.GetString("ApiKeyHash"));
    }

    [Theory]
    [InlineData("x-functions-key", "wrong")]
    [InlineData("x-other-header", NotifyApp.AdminKey)]
    public async Task Creating_a_merchant_without_the_operator_key_is_401(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = "x" }) };
        request.Headers.Add(header, value);
        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> InvalidMerchants => new()
    {
        { """{"name":""}""", "name" },
        { """{"name":"a","region":"ZZ"}""", "region" },
        { """{"name":"a","timeZone":"Mars/Olympus"}""", "timeZone" },
        { """{"name":"a","locale":"xx-NOPE"}""", "locale" },
        { """{"name":"a","channels":["sms","sms"]}""", "channels" },
        { """{"name":"a","channels":["pigeon"]}""", "channels" },
        { """{"name":"a","channels":[]}""", "channels" },
        { """{"name":"a","channels":["kakao","sms"]}""", "channels" },
        { """{"name":"a","alertContact":{"phone":"123"}}""", "alertContact.phone" },
        { """{"name":"a","alertContact":{"email":"nope"}}""", "alertContact.email" },
        { """{"name":"a","webhookUrl":"http://shop.example/hook"}""", "webhookUrl" },
        { """{"name":"a","webhookUrl":"not a url"}""", "webhookUrl" },
        { """{"name":5}""", "name" },
    };

    [Theory]
    [MemberData(nameof(InvalidMerchants))]
    public async Task Invalid_merchant_is_a_422_at_its_path(string body, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, path);
    }

    [Fact]
    public async Task Malformed_merchant_body_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = new StringContent("{name:", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
