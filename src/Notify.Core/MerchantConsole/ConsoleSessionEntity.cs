using Azure;
using Azure.Data.Tables;

namespace Notify.MerchantConsole;

/// <summary>A live console session (ConsoleSessions table: PartitionKey = merchant id, RowKey = session id); sign-out deletes it.</summary>
public sealed class ConsoleSessionEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The merchant's API key hash when the session began: a rotated key ends the session.</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>When the session ends on its own.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
