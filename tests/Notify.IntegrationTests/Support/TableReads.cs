using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// Records what a table client asks storage and what storage sends back: every request and its status, and for each query its filter
/// and the rows returned to the client. A filtered query on Azurite costs nothing visible, so the rows that cross the
/// wire and the filter sent are what show a scan.
/// </summary>
public sealed class TableReads : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<(string Method, string Path, int Status)> _requests = new();
    private readonly ConcurrentQueue<(string Filter, int Rows)> _queries = new();

    /// <summary>Every request answered, in order: its method, its unescaped path and the status storage answered.</summary>
    public IReadOnlyList<(string Method, string Path, int Status)> Requests => [.. _requests];

    /// <summary>Every query (a GET that is not a point read): its <c>$filter</c> and the rows in its answer.</summary>
    public IReadOnlyList<(string Filter, int Rows)> Queries => [.. _queries];

    /// <summary>Forgets what was recorded.</summary>
    public void Clear()
    {
        _requests.Clear();
        _queries.Clear();
    }

    /// <inheritdoc />
    public override void OnReceivedResponse(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        _requests.Enqueue((message.Request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath), message.Response.Status));
        if (message.Request.Method != RequestMethod.Get || uri.AbsolutePath.Contains("(PartitionKey=", StringComparison.Ordinal) || message.Response.IsError)
        {
            return;
        }
        var filter = System.Web.HttpUtility.ParseQueryString(uri.Query)["$filter"] ?? "";
        // Per retry, inside the pipeline's buffering, so the body is already read into memory.
        using var body = JsonDocument.Parse(message.Response.Content.ToMemory());
        _queries.Enqueue((filter, body.RootElement.TryGetProperty("value", out var rows) ? rows.GetArrayLength() : 0));
    }
}
