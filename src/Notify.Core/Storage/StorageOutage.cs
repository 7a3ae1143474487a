using System.Net.Sockets;
using Azure;

namespace Notify.Storage;

/// <summary>Tells a storage account that cannot be reached from a request it refused.</summary>
public static class StorageOutage
{
    /// <summary>How long a caller is asked to wait before retrying while storage is unreachable.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True when <paramref name="error"/> says storage did not answer or failed on its side: no status (connection
    /// refused or reset), a timeout, 408 or 5xx, or retries that all ended so (Azure.Core reports those as an
    /// <see cref="AggregateException"/>). A 4xx is the request's own fault and is never an outage.
    /// </summary>
    public static bool IsOutage(Exception error) => error switch
    {
        RequestFailedException e => e.Status is 0 or 408 or >= 500,
        AggregateException e => e.InnerExceptions.Count > 0 && e.InnerExceptions.All(IsOutage),
        TimeoutException or OperationCanceledException or IOException or SocketException or HttpRequestException => true,
        _ => false,
    };
}
