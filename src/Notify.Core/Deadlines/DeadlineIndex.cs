using System.Globalization;
using Notify.Storage;

namespace Notify.Deadlines;

/// <summary>Writes and clears deadlines in the time index the sweep reads.</summary>
public sealed class DeadlineIndex(StorageClients storage)
{
    // Shards spread one minute's deadlines over several partitions (2,000 entities/s each).
    private const int Shards = 4;
    private readonly Azure.Data.Tables.TableClient _table = storage.Table(StorageNames.DeadlinesTable);

    /// <summary>
    /// Records that <paramref name="kind"/> for the order is due at <paramref name="dueAt"/>; idempotent. A receipt wait
    /// names the <paramref name="channel"/> it waits on (<see cref="WaitingOnAsync"/>).
    /// </summary>
    public Task ScheduleAsync(string kind, string merchantId, string orderId, DateTimeOffset dueAt, CancellationToken ct, string? channel = null)
    {
        var entity = Entity(kind, merchantId, orderId, dueAt);
        entity.Channel = channel;
        return _table.UpsertEntityAsync(entity, Azure.Data.Tables.TableUpdateMode.Replace, ct);
    }

    /// <summary>Clears a deadline that was met; clearing one that is gone is not an error.</summary>
    public Task ClearAsync(string kind, string merchantId, string orderId, DateTimeOffset dueAt, CancellationToken ct) =>
        RemoveAsync(Entity(kind, merchantId, orderId, dueAt), ct);

    /// <summary>
    /// Deadlines due by <paramref name="now"/>: the partitions of past minutes and this one, so the read costs what is
    /// due (and this minute's rows), never what is scheduled further ahead.
    /// </summary>
    public IAsyncEnumerable<DeadlineEntity> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var nextMinute = (now + TimeSpan.FromMinutes(1)).UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return _table.QueryAsync<DeadlineEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey lt {nextMinute} and DueAt le {now}"), cancellationToken: ct);
    }

    /// <summary>
    /// Receipt waits on <paramref name="channel"/> due from <paramref name="from"/>'s minute until
    /// <paramref name="until"/>: a range of minute partitions, so the read costs the waits of those minutes only.
    /// </summary>
    public IAsyncEnumerable<DeadlineEntity> WaitingOnAsync(string channel, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var first = from.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var end = (until + TimeSpan.FromMinutes(1)).UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return _table.QueryAsync<DeadlineEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey lt {end} and Channel eq {channel}"), cancellationToken: ct);
    }

    /// <summary>Claims a due deadline for one sweep until <paramref name="until"/>; null when another sweep has it.</summary>
    public async Task<DeadlineEntity?> TryClaimAsync(DeadlineEntity deadline, DateTimeOffset until, CancellationToken ct)
    {
        deadline.ClaimedUntil = until;
        try
        {
            var response = await _table.UpdateEntityAsync(deadline, deadline.ETag, Azure.Data.Tables.TableUpdateMode.Replace, ct);
            deadline.ETag = response.Headers.ETag ?? Azure.ETag.All;
            return deadline;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Removes a handled deadline as it was claimed: one already gone is fine, and one scheduled again since (the
    /// handling moved the same deadline to a later time in the same minute) stays.
    /// </summary>
    public async Task RemoveAsync(DeadlineEntity deadline, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(deadline.PartitionKey, deadline.RowKey, deadline.ETag, ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    /// <summary>The partition a deadline lives in: its minute, then a shard digit.</summary>
    public static string PartitionFor(DateTimeOffset dueAt, string orderId) =>
        dueAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) + "-" + (Math.Abs(StableHash(orderId)) % Shards);

    private static DeadlineEntity Entity(string kind, string merchantId, string orderId, DateTimeOffset dueAt) => new()
    {
        PartitionKey = PartitionFor(dueAt, orderId),
        RowKey = $"{kind}|{merchantId}|{orderId}",
        Kind = kind,
        MerchantId = merchantId,
        OrderId = orderId,
        DueAt = dueAt,
    };

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked(h * 31 + c);
        }
        return h == int.MinValue ? 0 : h;
    }
}
