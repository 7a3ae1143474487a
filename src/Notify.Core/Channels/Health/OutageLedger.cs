using Azure;
using Azure.Data.Tables;
using Notify.Storage;

namespace Notify.Channels.Health;

/// <summary>The insert-only record of every time a shared channel was down for everybody.</summary>
public sealed class OutageLedger(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(StorageNames.OutagesTable);

    /// <summary>The line that opens an outage.</summary>
    public static OutageRecord Opened(ChannelHealthEntity row) => new()
    {
        PartitionKey = row.RowKey, RowKey = row.OutageId + "|opened", OutageId = row.OutageId!, Event = "opened",
        Start = row.OutageStart!.Value, Failures = row.OutageFailures, Affected = row.OutageAffected, Error = row.LastError,
    };

    /// <summary>The line that closes the outage <paramref name="row"/> holds open.</summary>
    public static OutageRecord Closed(ChannelHealthEntity row, DateTimeOffset end) => new()
    {
        PartitionKey = row.RowKey, RowKey = row.OutageId + "|closed", OutageId = row.OutageId!, Event = "closed",
        Start = row.OutageStart!.Value, End = end, Failures = row.OutageFailures, Affected = row.OutageAffected,
        ConfirmedInsteadJson = row.ConfirmedInsteadJson, Error = row.LastError,
    };

    /// <summary>Inserts a line; a line already there (a retried write) is left exactly as it was.</summary>
    public async Task AppendAsync(OutageRecord line, CancellationToken ct)
    {
        try
        {
            await _table.AddEntityAsync(line, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }
    }

    /// <summary>Every line for <paramref name="channel"/>, oldest first.</summary>
    public async Task<List<OutageRecord>> ReadAsync(string channel, CancellationToken ct)
    {
        var lines = new List<OutageRecord>();
        await foreach (var line in _table.QueryAsync<OutageRecord>(e => e.PartitionKey == channel, cancellationToken: ct))
        {
            lines.Add(line);
        }
        return lines;
    }
}
