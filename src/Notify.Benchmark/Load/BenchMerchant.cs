using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.Benchmark.Parts;
using Notify.Signing;

namespace Notify.Benchmark.Load;

/// <summary>A merchant created through the operator route, posting orders signed as a merchant's system does.</summary>
public sealed class BenchMerchant(HttpClient http, string id, string secret, string apiKey = "")
{
    /// <summary>The merchant's API key, for its read routes.</summary>
    public string ApiKey { get; } = apiKey;

    /// <summary>The merchant id (the partition its orders live in).</summary>
    public string Id { get; } = id;

    /// <summary>
    /// Creates a merchant with the default channel chain (sms, email, webhook), or, <paramref name="kakaoFirst"/>, a KR
    /// merchant with Kakao settings and so the chain kakao, sms, email, webhook.
    /// </summary>
    public static async Task<BenchMerchant> CreateAsync(HttpClient http, string name, bool kakaoFirst = false)
    {
        object body = kakaoFirst
            ? new { name, region = "KR", kakao = new { pfId = "KA01PFBENCH", templateId = "KA01TPBENCH" }, alertContact = new { email = "owner@bench.example" } }
            : new { name, alertContact = new { email = "owner@bench.example" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("x-functions-key", LocalStack.AdminKey);
        using var response = await http.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating a merchant answered {(int)response.StatusCode}: {created?.ToJsonString()}");
        }
        return new BenchMerchant(http, created!["merchantId"]!.GetValue<string>(), created["webhookSecret"]!.GetValue<string>(), created["apiKey"]!.GetValue<string>());
    }

    /// <summary>Signs and posts one order; returns the status code (202 when accepted).</summary>
    public async Task<HttpStatusCode> PostAsync(byte[] body, CancellationToken ct = default) => (await PostForAnswerAsync(body, ct)).Status;

    /// <summary>Signs and posts one order; returns the status code and whether the answer had a <c>Retry-After</c>.</summary>
    public async Task<(HttpStatusCode Status, bool RetryAfter)> PostForAnswerAsync(byte[] body, CancellationToken ct = default)
    {
        var webhookId = "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/merchants/{Id}/orders") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhook.Sign(secret, webhookId, timestamp, body));
        using var response = await http.SendAsync(request, ct);
        return (response.StatusCode, response.Headers.RetryAfter is not null);
    }
}
