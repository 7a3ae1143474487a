using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Operations;

/// <summary><c>GET /api/health</c> answers anyone, says nothing personal, and is 503 while storage does not answer.</summary>
[Collection(AppCollection.Name)]
public sealed class HealthTests(NotifyApp app)
{
    [Fact]
    public async Task Health_is_anonymous_and_lists_every_channel_without_personal_data()
    {
        await MerchantClient.CreateAsync(app);

        using var response = await app.Http.GetAsync("/api/health");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(body["status"]!.GetValue<string>(), new[] { "ok", "degraded" });
        Assert.Equal("ok", body["storage"]!.GetValue<string>());
        Assert.Equal(["email", "kakao", "sms", "webhook"], body["channels"]!.AsObject().Select(kv => kv.Key).Order());
        Assert.Equal("accepted", body["twilioReceipts"]!.GetValue<string>());
        Assert.DoesNotContain("m_", body.ToJsonString());
    }
}

/// <summary>Health while storage is paused: a 503 with Retry-After, then 200 again once it answers.</summary>
[Collection(OutageCollection.Name)]
public sealed class HealthOutageTests(OutageApp app)
{
    [Fact]
    public async Task Health_is_503_with_retry_after_while_storage_is_unreachable()
    {
        app.PauseStorage();
        HttpResponseMessage during;
        try
        {
            during = await app.Http.GetAsync("/api/health");
        }
        finally
        {
            app.ResumeStorage();
        }

        await ProblemAssert.IsProblemAsync(during, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(during.Headers.RetryAfter);
        var after = await Eventually.MatchAsync(() => app.Http.GetAsync("/api/health"), r => r.StatusCode == HttpStatusCode.OK, what: "health to recover");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
