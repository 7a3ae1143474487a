using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Notify.IntegrationTests.Support;

/// <summary>The KakaoTalk (SOLAPI) sandbox's inspection and mode routes.</summary>
public sealed class KakaoSandboxClient(Uri baseAddress)
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    /// <summary>Every AlimTalk the sandbox accepted.</summary>
    public async Task<List<JsonObject>> MessagesAsync() =>
        (await _http.GetFromJsonAsync<JsonArray>("/sandbox/messages"))!.Select(m => m!.AsObject()).ToList();

    /// <summary>AlimTalks the sandbox accepted for <paramref name="to"/> (E.164).</summary>
    public async Task<List<JsonObject>> MessagesToAsync(string to) =>
        (await MessagesAsync()).Where(m => m["to"]!.GetValue<string>() == to).ToList();

    /// <summary>Waits until the AlimTalk to <paramref name="to"/> has <paramref name="status"/> (delivered, failed…).</summary>
    public Task<List<JsonObject>> WaitForAsync(string to, string status) => Eventually.MatchAsync(
        () => MessagesToAsync(to), m => m.Count == 1 && m[0]["status"]!.GetValue<string>() == status, what: $"the AlimTalk to be {status}");

    /// <summary>Sets a mode for one number (or every number when <paramref name="to"/> is null).</summary>
    public async Task SetModeAsync(string mode, string? to = null, int? status = null, string? code = null)
    {
        using var response = await _http.PutAsJsonAsync("/sandbox/mode", new { mode, to, status, code });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many sends the sandbox refused for <paramref name="to"/> (fail, throttle, hang).</summary>
    public async Task<int> RefusedAsync(string to)
    {
        var modes = await _http.GetFromJsonAsync<JsonObject>("/sandbox/mode");
        return modes!["refused"]?[to]?.GetValue<int>() ?? 0;
    }
}
