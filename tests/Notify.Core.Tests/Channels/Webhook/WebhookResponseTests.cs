using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notify.Channels;
using Notify.Channels.Webhook;
using Notify.Core.Tests.Channels.Support;
using Xunit.Abstractions;

namespace Notify.Core.Tests.Channels.Webhook;

/// <summary>A merchant's server decides how big its answer is; Notify must not read it, let alone hold it in memory.</summary>
public sealed class WebhookResponseTests(ITestOutputHelper output)
{
    private const long BodySize = 256L * 1024 * 1024;

    // The status line and headers, and whatever the first socket read brings along with them.
    private const long MostReadForHeaders = 1024 * 1024;

    [Fact]
    public async Task A_huge_answer_is_not_read()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.None);
        await using var site = builder.Build();
        site.MapPost("/hook", StreamHugeBodyAsync);
        await site.StartAsync();
        var received = new CountingStream.Counter();
        await using var services = WithCountingSocket(received);
        var confirmation = Samples.Confirmation(merchant: Samples.Merchant(site.Urls.Single().TrimEnd('/') + "/hook"));

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Delivered, result.Status);
        output.WriteLine($"Notify read {received.Bytes / 1024} KiB of a {BodySize / (1024 * 1024)} MiB answer.");
        Assert.True(received.Bytes < MostReadForHeaders, $"Notify read {received.Bytes / (1024 * 1024)} MiB of a {BodySize / (1024 * 1024)} MiB answer.");
    }

    // The channels as registered, with the webhook client's sockets counting every byte read from them.
    private static ServiceProvider WithCountingSocket(CountingStream.Counter counter)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Webhook:RetryDelay"] = "00:00:00.020" }).Build();
        var services = new ServiceCollection().AddNotifyChannels(configuration);
        services.AddHttpClient(WebhookSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new CountingStream(new NetworkStream(socket, ownsSocket: true), counter);
            },
        });
        return services.BuildServiceProvider();
    }

    private static async Task StreamHugeBodyAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentLength = BodySize;
        var chunk = new byte[64 * 1024];
        try
        {
            for (long sent = 0; sent < BodySize && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client hung up.
        }
    }

    /// <summary>A connection that counts the bytes read from it.</summary>
    private sealed class CountingStream(Stream inner, CountingStream.Counter counter) : Stream
    {
        public sealed class Counter
        {
            private long _bytes;

            public long Bytes => Interlocked.Read(ref _bytes);

            public void Add(int n) => Interlocked.Add(ref _bytes, n);
        }

        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) => inner.WriteAsync(buffer, ct);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.WriteAsync(buffer, offset, count, ct);

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => inner.DisposeAsync();

        private int Count(int n)
        {
            counter.Add(n);
            return n;
        }
    }
}
