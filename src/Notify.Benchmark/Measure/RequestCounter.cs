using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Notify.Benchmark.Measure;

/// <summary>
/// Counts every storage request an Azure SDK client sends (retries included), by kind: table read, table write,
/// table batch, queue send, queue receive, queue delete, … and by <see cref="RequestScope"/> when asked to. Added per
/// retry, so it counts what reaches storage.
/// </summary>
public sealed class RequestCounter(int tablePort, bool scoped) : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentDictionary<string, long> _failures = new();

    /// <summary>A copy of the counts so far.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts);

    /// <summary>
    /// A copy of the answers other than 2xx so far, by kind and status (<c>table write 412</c>: an ETag conflict), and of
    /// the requests that got no answer (<c>table point read: TaskCanceledException</c>: the SDK's network timeout).
    /// </summary>
    public IReadOnlyDictionary<string, long> Failures() => new Dictionary<string, long>(_failures);

    /// <summary>Counts between two snapshots.</summary>
    public static Dictionary<string, long> Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key)).Where(kv => kv.Value != 0).ToDictionary();

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) =>
        _counts.AddOrUpdate(scoped ? $"{RequestScope.Now}: {Kind(message.Request)}" : Kind(message.Request), 1, (_, n) => n + 1);

    /// <inheritdoc />
    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Response.Status is < 200 or >= 300)
        {
            _failures.AddOrUpdate($"{Kind(message.Request)} {message.Response.Status}", 1, (_, n) => n + 1);
        }
    }

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await base.ProcessAsync(message, pipeline);
        }
        catch (Exception ex) when (CountUnanswered(message, ex))
        {
            throw; // never reached: the filter only counts
        }
    }

    private bool CountUnanswered(HttpMessage message, Exception ex)
    {
        _failures.AddOrUpdate($"{Kind(message.Request)}: {ex.GetType().Name}", 1, (_, n) => n + 1);
        return false;
    }

    private string Kind(Request request)
    {
        var path = request.Uri.Path;
        var method = request.Method.Method;
        if (request.Uri.Port == tablePort)
        {
            return path switch
            {
                _ when path.Contains("$batch", StringComparison.Ordinal) => "table batch",
                _ when path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal) => "table admin",
                _ when method == "GET" && path.Contains("(PartitionKey=", StringComparison.Ordinal) => "table point read",
                _ when method == "GET" => "table query",
                _ => "table write",
            };
        }
        return (method, path.EndsWith("/messages", StringComparison.Ordinal), path.Contains("/messages/", StringComparison.Ordinal)) switch
        {
            ("POST", true, _) => "queue send",
            ("GET", true, _) => "queue receive",
            ("DELETE", _, true) => "queue delete",
            ("PUT", _, true) => "queue update",
            _ => "queue admin",
        };
    }
}
