using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Twilio.Clients;
using Twilio.Http;

namespace Notify.TwilioSandbox.Tests.Support;

/// <summary>The sandbox hosted in-process on a free loopback port, with clients to drive it.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token";
    public static readonly TimeSpan CallbackDelay = TimeSpan.FromMilliseconds(20);

    private readonly WebApplication _app;
    private readonly List<System.Net.Http.HttpClient> _clients = [];

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = Track(new System.Net.Http.HttpClient { BaseAddress = baseAddress });
    }

    public Uri BaseAddress { get; }

    /// <summary>A plain client for the sandbox's own routes and raw Twilio calls.</summary>
    public System.Net.Http.HttpClient Http { get; }

    public static async Task<SandboxHost> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var app = TwilioSandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            o =>
            {
                o.AuthToken = AuthToken;
                o.CallbackDelay = CallbackDelay;
                o.CallbackRetryDelay = TimeSpan.FromMilliseconds(50);
                configure?.Invoke(o);
            });
        await app.StartAsync();
        return new SandboxHost(app, new Uri(app.Urls.Single()));
    }

    /// <summary>The real Twilio SDK client, pointed at the sandbox.</summary>
    public TwilioRestClient CreateTwilioClient(TimeSpan? timeout = null)
    {
        var http = Track(new System.Net.Http.HttpClient(new TwilioBaseUrlHandler(BaseAddress)) { Timeout = timeout ?? TimeSpan.FromSeconds(10) });
        return new TwilioRestClient(AccountSid, AuthToken, httpClient: new SystemNetHttpClient(http));
    }

    public static AuthenticationHeaderValue BasicAuth(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public async Task PutModeAsync(object mode)
    {
        using var response = await Http.PutAsJsonAsync("/sandbox/mode", mode);
        response.EnsureSuccessStatusCode();
    }

    public async Task<ModeBoard> GetModesAsync() =>
        (await Http.GetFromJsonAsync<ModeBoard>("/sandbox/mode"))!;

    public async Task<IReadOnlyList<ListedMessage>> GetMessagesAsync() =>
        (await Http.GetFromJsonAsync<List<ListedMessage>>("/sandbox/messages"))!;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private System.Net.Http.HttpClient Track(System.Net.Http.HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
