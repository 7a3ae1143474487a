using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Notify.IntegrationTests.Support;

/// <summary>A merchant's webhook endpoint on a free loopback port, recording what it receives.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string url) => (_app, Url) = (app, url);

    /// <summary>The endpoint's URL.</summary>
    public string Url { get; }

    /// <summary>Each request's Standard Webhooks headers and body.</summary>
    public ConcurrentQueue<(string? Id, string? Timestamp, string? Signature, byte[] Body)> Received { get; } = new();

    /// <summary>Starts the receiver.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            self!.Received.Enqueue((request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], body.ToArray()));
            return Results.NoContent();
        });
        await app.StartAsync();
        self = new WebhookReceiver(app, app.Urls.Single() + "/hooks");
        return self;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
