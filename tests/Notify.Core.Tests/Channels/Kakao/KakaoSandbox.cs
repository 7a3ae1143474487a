using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Notify.KakaoSandbox;

namespace Notify.Core.Tests.Channels.Kakao;

/// <summary>The SOLAPI sandbox hosted in-process on a free loopback port, and the settings that point Notify at it.</summary>
internal sealed class KakaoSandbox : IAsyncDisposable
{
    public const string ApiKey = "NCSTESTKEY000001";
    public const string ApiSecret = "test-api-secret";

    private readonly WebApplication _app;

    private KakaoSandbox(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.Single().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<KakaoSandbox> StartAsync(TimeSpan? hangFor = null)
    {
        var app = KakaoSandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            o =>
            {
                o.ApiKey = ApiKey;
                o.ApiSecret = ApiSecret;
                o.ResultDelay = TimeSpan.FromMilliseconds(20);
                o.HangFor = hangFor ?? o.HangFor;
            });
        await app.StartAsync();
        return new KakaoSandbox(app);
    }

    /// <summary>Notify's settings for this sandbox, with short retry pauses; <paramref name="extra"/> adds or overrides.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Solapi:ApiKey"] = ApiKey,
            ["Solapi:ApiSecret"] = ApiSecret,
            ["Solapi:BaseUrl"] = BaseUrl,
            ["Solapi:RetryDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    public async Task PutModeAsync(object mode)
    {
        using var response = await Http.PutAsJsonAsync("/sandbox/mode", mode);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many sends for <paramref name="to"/> (E.164) the sandbox refused (fail, throttle, hang).</summary>
    public async Task<int> RefusedAsync(string to) =>
        (await Http.GetFromJsonAsync<ModeBoard>("/sandbox/mode"))!.Refused.GetValueOrDefault(to);

    public async Task<IReadOnlyList<ListedMessage>> MessagesAsync() =>
        (await Http.GetFromJsonAsync<List<ListedMessage>>("/sandbox/messages"))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record ModeBoard(Dictionary<string, int> Refused);

    internal sealed record ListedMessage(
        string MessageId, string To, string Text, string PfId, string TemplateId,
        Dictionary<string, string> Variables, Dictionary<string, string> CustomFields, bool DisableSms, string Status, string StatusCode);
}
