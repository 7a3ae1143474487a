using System.Globalization;
using Notify.Storage;

namespace Notify.Sweep;

/// <summary>Writes and clears deadlines in the time index the sweep reads.</summary>
public sealed class DeadlineIndex(StorageClients storage)
{
    // Shards spread one minute's deadlines over several partitions (2,000 entities/s each).
    private const int Shards = 4;
    private readonly Azure.Data.Tables.TableClient _table = storage.Table(StorageNames.DeadlinesTable);

    /// <summary>Records that <paramref name="kind"/> for the order is due at <paramref name="dueAt"/>; idempotent.</summary>
    public Task ScheduleAsync(string kind, string merchantId, string orderId, DateTimeOffset dueAt, CancellationToken ct) =>
        _table.UpsertEntityAsync(Entity(kind, merchantId, orderId, dueAt), Azure.Data.Tables.TableUpdateMode.Replace, ct);

    /// <summary>Clears a deadline that was met; clearing one that is gone is not an error.</summary>
    public async Task ClearAsync(string kind, string merchantId, string orderId, DateTimeOffset dueAt, CancellationToken ct)
    {
        var e = Entity(kind, merchantId, orderId, dueAt);
        await _table.DeleteEntityAsync(e.PartitionKey, e.RowKey, Azure.ETag.All, ct);
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
