using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Notify.Signing;

namespace Notify.IntegrationTests.Support;

/// <summary>A merchant as the tests play it: created by the operator, posting signed orders, reading its data.</summary>
public sealed class MerchantClient(NotifyApp app, string merchantId, string webhookSecret, string apiKey)
{
    /// <summary>The merchant id.</summary>
    public string Id { get; } = merchantId;

    /// <summary>The merchant's <c>whsec_</c> secret.</summary>
    public string WebhookSecret { get; } = webhookSecret;

    /// <summary>The merchant's API key.</summary>
    public string ApiKey { get; } = apiKey;

    /// <summary>Creates a merchant through the operator route.</summary>
    public static async Task<MerchantClient> CreateAsync(NotifyApp app, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants")
        {
            Content = JsonContent.Create(body ?? new { name = "쑥떡집", alertContact = new { email = "owner@example.com" } }),
        };
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await app.Http.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, created?.ToJsonString());
        return new MerchantClient(app, created!["merchantId"]!.GetValue<string>(), created["webhookSecret"]!.GetValue<string>(), created["apiKey"]!.GetValue<string>());
    }

    /// <summary>Posts a raw body, signed with this merchant's secret unless <paramref name="sign"/> is false.</summary>
    public Task<HttpResponseMessage> PostRawAsync(
        string body, string? webhookId = null, DateTimeOffset? timestamp = null, bool sign = true, string contentType = "application/json", string? secret = null, string? merchantId = null)
    {
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var ts = (timestamp ?? app.Clock.GetUtcNow()).ToUnixTimeSeconds();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/merchants/{merchantId ?? Id}/orders") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (sign)
        {
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", ts.ToString());
            request.Headers.Add("webhook-signature", StandardWebhook.Sign(secret ?? WebhookSecret, id, ts, bytes));
        }
        return app.Http.SendAsync(request);
    }

    /// <summary>Posts an order object as JSON, signed.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject order, string? webhookId = null) => PostRawAsync(order.ToJsonString(), webhookId);

    /// <summary>GETs a path with this merchant's key (or <paramref name="key"/>).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? key = null, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? ApiKey);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        return app.Http.SendAsync(request);
    }

    /// <summary>Sends a request with this merchant's key (or <paramref name="key"/>) and an optional JSON body.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? key = null, string contentType = "application/merge-patch+json")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? ApiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return app.Http.SendAsync(request);
    }

    /// <summary>Sends an operator request (with the operator key) and an optional JSON body.</summary>
    public static Task<HttpResponseMessage> AdminAsync(NotifyApp app, HttpMethod method, string path, string? json = null, string contentType = "application/merge-patch+json")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return app.Http.SendAsync(request);
    }

    /// <summary>The same merchant with another key or secret (after a rotation).</summary>
    public MerchantClient With(string? webhookSecret = null, string? apiKey = null) => new(app, Id, webhookSecret ?? WebhookSecret, apiKey ?? ApiKey);

    /// <summary>The contract's example order, with a fresh order number unless one is given.</summary>
    public static JsonObject SampleOrder(string? orderNumber = null) => new()
    {
        ["orderNumber"] = orderNumber ?? "A-" + Random.Shared.Next(100000, 999999),
        ["placedAt"] = "2026-11-28T09:30:00+09:00",
        ["customer"] = new JsonObject { ["name"] = "김민지", ["phone"] = "010-1234-5678", ["email"] = "minji@example.com", ["locale"] = "ko-KR" },
        ["items"] = new JsonArray(new JsonObject { ["name"] = "쑥떡 세트", ["quantity"] = 2, ["unitPrice"] = 15000 }),
        ["total"] = 30000,
        ["currency"] = "KRW",
        ["fulfillment"] = new JsonObject { ["type"] = "pickup", ["at"] = "2026-11-29T10:00:00+09:00" },
        ["note"] = "문 앞에 놓아주세요",
    };
}
