using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Notify.TwilioSandbox.Tests.Support;

/// <summary>A tiny Kestrel app on loopback that records the status callbacks it is sent.</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedCallback> _received = Channel.CreateUnbounded<ReceivedCallback>();
    private int _failuresLeft;

    private CallbackReceiver(int failFirst)
    {
        _failuresLeft = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapPost("/twilio/status", Receive);
    }

    /// <summary>The URL to give Twilio; its query string is part of what is signed.</summary>
    public string Url { get; private set; } = "";

    /// <param name="failFirst">How many callbacks to answer with 500 before accepting.</param>
    public static async Task<CallbackReceiver> StartAsync(int failFirst = 0)
    {
        var receiver = new CallbackReceiver(failFirst);
        await receiver._app.StartAsync();
        receiver.Url = new Uri(new Uri(receiver._app.Urls.Single()), "/twilio/status?delivery=d-1&try=a+b").AbsoluteUri;
        return receiver;
    }

    public async Task<ReceivedCallback> NextAsync(TimeSpan? within = null)
    {
        return await TryNextAsync(within ?? TimeSpan.FromSeconds(10))
            ?? throw new TimeoutException("No status callback arrived in time.");
    }

    /// <summary>The next callback, or null when none arrives within the wait.</summary>
    public async Task<ReceivedCallback?> TryNextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        _received.Writer.TryWrite(new ReceivedCallback(
            form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal),
            request.Headers["X-Twilio-Signature"].ToString()));
        return Interlocked.Decrement(ref _failuresLeft) >= 0 ? Results.StatusCode(500) : Results.Ok();
    }
}
