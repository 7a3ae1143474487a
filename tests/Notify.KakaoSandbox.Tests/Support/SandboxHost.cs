using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;

namespace Notify.KakaoSandbox.Tests.Support;

/// <summary>The sandbox hosted in-process on a free loopback port, with clients to drive it.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public const string ApiKey = "NCSTESTKEY000001";
    public const string ApiSecret = "test-api-secret";
    public const string Customer = "+821012345678";
    public const string CustomerNational = "01012345678";

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>A plain client for the sandbox's own routes and raw SOLAPI calls.</summary>
    public HttpClient Http { get; }

    public static async Task<SandboxHost> StartAsync(Action<KakaoSandboxOptions>? configure = null)
    {
        var app = KakaoSandboxApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            o =>
            {
                o.ApiKey = ApiKey;
                o.ApiSecret = ApiSecret;
                o.ResultDelay = TimeSpan.FromMilliseconds(20);
                configure?.Invoke(o);
            });
        await app.StartAsync();
        return new SandboxHost(app, new Uri(app.Urls.Single()));
    }

    /// <summary>Posts <paramref name="json"/> to send-many/detail with a fresh, valid signature (or the given header).</summary>
    public async Task<HttpResponseMessage> PostSendAsync(string json, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/messages/v4/send-many/detail")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? Signer.Header(ApiKey, ApiSecret, DateTimeOffset.UtcNow));
        return await Http.SendAsync(request);
    }

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
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
