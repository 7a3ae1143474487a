using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Notify.Core.Tests.Channels.Support;

/// <summary>A tiny Kestrel app on loopback that records every POST and answers with scripted statuses, then 200.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly ConcurrentQueue<int> _statuses;
    private int _count;

    private Receiver(int[] statuses)
    {
        _statuses = new ConcurrentQueue<int>(statuses);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapPost("/{**path}", Receive);
    }

    /// <summary>The receiver's base URL, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>How many requests arrived.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <param name="statuses">The answers to the first requests, in order; later requests get 200.</param>
    public static async Task<Receiver> StartAsync(params int[] statuses)
    {
        var receiver = new Receiver(statuses);
        await receiver._app.StartAsync();
        receiver.BaseUrl = receiver._app.Urls.Single().TrimEnd('/');
        return receiver;
    }

    public async Task<ReceivedRequest> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException("No request arrived in time.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        Interlocked.Increment(ref _count);
        _received.Writer.TryWrite(new ReceivedRequest(
            request.Path + request.QueryString,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray()));
        return Results.StatusCode(_statuses.TryDequeue(out var status) ? status : 200);
    }
}

/// <summary>One request as the receiver saw it.</summary>
internal sealed record ReceivedRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public Dictionary<string, string> Form() =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(Body))
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
}
