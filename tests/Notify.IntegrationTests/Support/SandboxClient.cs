using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Notify.IntegrationTests.Support;

/// <summary>The Twilio sandbox's control API: what it received, and how it should misbehave.</summary>
public sealed class SandboxClient(Uri baseAddress)
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    /// <summary>The sandbox's address.</summary>
    public Uri BaseAddress => baseAddress;

    /// <summary>Messages the sandbox accepted for <paramref name="to"/>.</summary>
    public async Task<List<JsonObject>> MessagesToAsync(string to)
    {
        var all = await _http.GetFromJsonAsync<JsonArray>("/sandbox/messages");
        return all!.Select(m => m!.AsObject()).Where(m => m["to"]!.GetValue<string>() == to).ToList();
    }

    /// <summary>Sets a mode for one number (or every number when <paramref name="to"/> is null).</summary>
    public async Task SetModeAsync(string mode, string? to = null, int? status = null, int? code = null)
    {
        using var response = await _http.PutAsJsonAsync("/sandbox/mode", new { mode, to, status, code });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many creates the sandbox refused for <paramref name="to"/> (fail, throttle, hang).</summary>
    public async Task<int> RefusedAsync(string to)
    {
        var modes = await _http.GetFromJsonAsync<JsonObject>("/sandbox/mode");
        return modes!["refused"]?[to]?.GetValue<int>() ?? 0;
    }

    /// <summary>Every message the sandbox accepted.</summary>
    public async Task<List<JsonObject>> MessagesAsync() =>
        (await _http.GetFromJsonAsync<JsonArray>("/sandbox/messages"))!.Select(m => m!.AsObject()).ToList();

    /// <summary>Answers 429 beyond <paramref name="perSecond"/> creates a second (0: no limit), counting refusals afresh.</summary>
    public async Task SetRateLimitAsync(int perSecond)
    {
        using var response = await _http.PutAsJsonAsync("/sandbox/rate-limit", new { perSecond });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Creates refused by the rate limit since it was set.</summary>
    public async Task<int> RateLimitedAsync() =>
        (await _http.GetFromJsonAsync<JsonObject>("/sandbox/rate-limit"))!["refused"]!.GetValue<int>();
}
