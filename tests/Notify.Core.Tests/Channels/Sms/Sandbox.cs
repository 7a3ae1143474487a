using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Notify.TwilioSandbox;

namespace Notify.Core.Tests.Channels.Sms;

/// <summary>The Twilio sandbox hosted in-process on a free loopback port, and the settings that point Notify at it.</summary>
internal sealed class Sandbox : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token";
    public const string From = "+15005550001";

    private readonly WebApplication _app;

    private Sandbox(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.Single().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<Sandbox> StartAsync()
    {
        var app = TwilioSandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            o =>
            {
                o.AuthToken = AuthToken;
                o.CallbackDelay = TimeSpan.FromMilliseconds(20);
                o.CallbackRetryDelay = TimeSpan.FromMilliseconds(50);
            });
        await app.StartAsync();
        return new Sandbox(app);
    }

    /// <summary>Notify's settings for this sandbox, with short retry pauses; <paramref name="extra"/> adds or overrides.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:From"] = From,
            ["Twilio:BaseUrl"] = BaseUrl,
            ["Twilio:RetryDelay"] = "00:00:00.020",
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

    /// <summary>How many create requests for <paramref name="to"/> the sandbox refused (fail, throttle, hang).</summary>
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

    internal sealed record ListedMessage(string Sid, string To, string From, string Body, string Status);
}
