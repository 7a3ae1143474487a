using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Notify.Channels;
using Notify.Core.Tests.Channels.Support;
using Xunit.Abstractions;

namespace Notify.Core.Tests.Channels.Webhook;

/// <summary>A merchant's server decides how big its answer is; Notify must not hold it in memory.</summary>
public sealed class WebhookResponseTests(ITestOutputHelper output)
{
    private const long BodySize = 256L * 1024 * 1024;

    // Loopback socket buffers (tcp_rmem max 32 MiB here) plus Kestrel's output buffer are all a server can push
    // into a connection nobody reads; a client that reads the body takes all 256 MiB.
    private const long MostAServerCanPushUnread = 64L * 1024 * 1024;

    [Fact]
    public async Task A_huge_answer_is_not_read()
    {
        var written = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.None);
        await using var site = builder.Build();
        site.MapPost("/hook", context => StreamHugeBodyAsync(context, written));
        await site.StartAsync();
        await using var services = ChannelServices.Build(new() { ["Webhook:RetryDelay"] = "00:00:00.020" });
        var confirmation = Samples.Confirmation(merchant: Samples.Merchant(site.Urls.Single().TrimEnd('/') + "/hook"));

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Delivered, result.Status);
        var sent = await written.Task.WaitAsync(TimeSpan.FromMinutes(1));
        output.WriteLine($"The server pushed {sent / 1024} KiB before the connection dropped.");
        Assert.True(sent < MostAServerCanPushUnread, $"The server pushed {sent / (1024 * 1024)} MiB of its {BodySize / (1024 * 1024)} MiB answer.");
    }

    private static async Task StreamHugeBodyAsync(HttpContext context, TaskCompletionSource<long> written)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentLength = BodySize;
        var chunk = new byte[64 * 1024];
        long sent = 0;
        try
        {
            // Kestrel turns writes on a dropped connection into no-ops, so the abort is what ends the count.
            while (sent < BodySize && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                sent += chunk.Length;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client hung up: what was pushed so far is the measurement.
        }
        finally
        {
            written.TrySetResult(sent);
        }
    }
}
