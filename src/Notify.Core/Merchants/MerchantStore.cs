using System.Collections.Concurrent;
using Azure;
using Notify.Storage;

namespace Notify.Merchants;

/// <summary>Reads and writes merchant profiles.</summary>
public sealed class MerchantStore(StorageClients storage, TimeProvider clock)
{
    // Every order reads its merchant's profile three times (intake, fan-out, send), so a brief per-instance cache
    // saves most of those reads. This is safe because merchants are created and never updated or deleted today: a
    // cached profile cannot be stale. If profiles ever become editable (a rotated secret, a new chain), revisit this.
    // Misses are cached the same way as hits, so a wrong key for a known merchant and any key for an unknown one cost
    // the same storage reads and the same time: the answer's timing cannot tell whether a merchant exists. Ids are
    // random and new ones are added here, which forgets a cached miss, so a new merchant is still seen at once.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private const int MaxCached = 10_000;
    private readonly Azure.Data.Tables.TableClient _table = storage.Table(StorageNames.MerchantsTable);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, Merchant? Merchant)> _cache = new(StringComparer.Ordinal);

    /// <summary>Adds a new merchant; fails if the id is taken.</summary>
    public async Task AddAsync(Merchant merchant, CancellationToken ct)
    {
        await _table.AddEntityAsync(MerchantEntity.From(merchant), ct);
        _cache.TryRemove(merchant.Id, out _);
    }

    /// <summary>The merchant, or null when there is none with that id.</summary>
    public async Task<Merchant?> FindAsync(string merchantId, CancellationToken ct)
    {
        if (!MerchantIds.IsWellFormed(merchantId))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(merchantId, out var cached) && cached.Until > now)
        {
            return cached.Merchant;
        }
        NullableResponse<MerchantEntity> row = await _table.GetEntityIfExistsAsync<MerchantEntity>(merchantId, MerchantEntity.Row, cancellationToken: ct);
        var merchant = row.HasValue ? row.Value!.ToMerchant() : null;
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[merchantId] = (now + CacheFor, merchant);
        return merchant;
    }
}
