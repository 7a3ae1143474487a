using System.Collections.Concurrent;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// A storage fault a test arms in the running app: a request reaches Azurite and is carried out, then its answer is
/// lost, as when a loaded machine makes the SDK's network timeout fire after the service acted. The SDK retries it.
/// Unarmed, it passes everything through.
/// </summary>
public sealed class StorageFaults : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<Guid, Func<Request, string, bool>> _armed = new();
    private int _lost;

    /// <summary>How many answers were lost so far.</summary>
    public int Lost => _lost;

    /// <summary>Loses the answer to the next request whose body contains <paramref name="marker"/>.</summary>
    public void LoseAnswerTo(string marker) => LoseAnswerTo((_, body) => body.Contains(marker, StringComparison.Ordinal));

    /// <summary>Loses the answer to the next request that <paramref name="match"/> picks by the request and its body.</summary>
    public void LoseAnswerTo(Func<Request, string, bool> match) => _armed[Guid.NewGuid()] = match;

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fault = _armed.IsEmpty ? null : await ArmedFaultAsync(message);
        await ProcessNextAsync(message, pipeline);
        if (fault is { } id && _armed.TryRemove(id, out _))
        {
            Interlocked.Increment(ref _lost);
            throw new IOException("The answer was lost (a test fault).");
        }
    }

    private async Task<Guid?> ArmedFaultAsync(HttpMessage message)
    {
        var body = "";
        if (message.Request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            await content.WriteToAsync(buffer, message.CancellationToken);
            body = Encoding.UTF8.GetString(buffer.ToArray());
        }
        foreach (var (id, match) in _armed)
        {
            if (match(message.Request, body))
            {
                return id;
            }
        }
        return null;
    }
}
