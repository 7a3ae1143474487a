using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Notify.IntegrationTests.Support;

/// <summary>A merchant broadcasting a notice and following it.</summary>
public static class BroadcastSteps
{
    /// <summary>Posts a broadcast with <paramref name="key"/> as its Idempotency-Key (none when null).</summary>
    public static Task<HttpResponseMessage> BroadcastAsync(this MerchantClient merchant, HttpClient http, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/merchants/{merchant.Id}/broadcasts") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", merchant.ApiKey);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return http.SendAsync(request);
    }

    /// <summary>A broadcast body for everyone with an order in the window.</summary>
    public static object Body(string message, DateTimeOffset from, DateTimeOffset to, bool urgent = true, string[]? status = null) =>
        new { message, audience = new { from = from.ToString("O"), to = to.ToString("O"), status }, urgent };

    /// <summary>Posts a broadcast that must be accepted; returns its id and recipient count.</summary>
    public static async Task<(string Id, int Recipients)> AcceptedBroadcastAsync(this MerchantClient merchant, HttpClient http, object body, string key)
    {
        using var response = await merchant.BroadcastAsync(http, body, key);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, answer?.ToJsonString());
        return (answer!["broadcastId"]!.GetValue<string>(), answer["recipients"]!.GetValue<int>());
    }

    /// <summary>The broadcast's progress.</summary>
    public static async Task<JsonObject> ProgressAsync(this MerchantClient merchant, string broadcastId)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/broadcasts/{broadcastId}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        return body!;
    }

    /// <summary>Waits until the broadcast's status is <paramref name="status"/>.</summary>
    public static Task<JsonObject> BroadcastStatusAsync(this MerchantClient merchant, string broadcastId, string status, TimeSpan? within = null) =>
        Eventually.MatchAsync(() => merchant.ProgressAsync(broadcastId), p => p["status"]!.GetValue<string>() == status, within, $"broadcast {broadcastId} to be {status}");

    /// <summary>Posts to a merchant route with the merchant's key and no body.</summary>
    public static Task<HttpResponseMessage> PostEmptyAsync(this MerchantClient merchant, HttpClient http, string path, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? merchant.ApiKey);
        return http.SendAsync(request);
    }

    /// <summary>The count of <paramref name="state"/> in a progress answer (0 when absent).</summary>
    public static int Count(JsonObject progress, string state) => progress["counts"]?[state]?.GetValue<int>() ?? 0;
}

/// <summary>An app whose broadcasts flow at 5 SMS a second, for pacing against the sandbox's rate limit.</summary>
public sealed class BroadcastApp : NotifyApp
{
    /// <summary>The SMS pace set here.</summary>
    public const int SmsPerSecond = 5;

    /// <inheritdoc />
    protected override IEnumerable<string> Settings => [$"--Notify:SmsSendsPerSecond={SmsPerSecond}", "--Notify:EmailSendsPerSecond=20"];
}

/// <summary>Broadcast tests on real time, apart from the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class BroadcastCollection : ICollectionFixture<BroadcastApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "broadcast";
}
