using System.Net;
using System.Net.Http.Json;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Merchants;

/// <summary>SSRF: outside development a merchant's webhook URL must be https to a public address.</summary>
[Collection(StrictCollection.Name)]
public sealed class WebhookUrlTests(StrictApp app)
{
    public static TheoryData<string> Refused =>
    [
        "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/hook", "https://2130706433/hook", "https://0x7f000001/hook",
        "https://0177.0.0.1/hook", "https://10.0.0.1/hook", "https://192.168.0.10/hook", "https://100.64.1.1/hook",
        "https://[::1]/hook", "https://[::ffff:169.254.169.254]/hook", "https://[fd00::1]/hook", "https://localhost/hook",
        "https://user:pass@shop.example/hook", "https://shop.example/hook\r\nX-Evil: 1", "http://shop.example/hook",
        "http://127.0.0.1:8080/hook",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_webhook_url_to_a_private_address_or_with_credentials_is_422(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = "떡집", webhookUrl = url }) };
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);

        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "webhookUrl");
    }

    [Fact]
    public async Task A_public_https_webhook_url_is_accepted()
    {
        var merchant = await MerchantClient.CreateAsync(app, new { name = "떡집", webhookUrl = "https://shop.example/hooks" });

        Assert.StartsWith("m_", merchant.Id);
    }
}
