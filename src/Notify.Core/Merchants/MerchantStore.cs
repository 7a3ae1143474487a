using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Storage;

namespace Notify.Merchants;

/// <summary>Reads and writes merchant profiles.</summary>
public sealed class MerchantStore(StorageClients storage, SecretBox box, PageTokens pages, TimeProvider clock)
{
    // Every order reads its merchant's profile three times (intake, fan-out, send), so a brief per-instance cache
    // saves most of those reads. A write here replaces this instance's copy at once; another instance may use its copy
    // for up to CacheFor after a change (README: "Merchants over their lifetime"). A key or secret that does not match
    // a cached profile is checked once more against storage (FindFreshAsync), so new credentials work everywhere at
    // once. Misses are cached the same way as hits, so a wrong key for a known merchant and any key for an unknown one
    // cost the same storage reads: the answer's timing cannot tell whether a merchant exists. Adding a merchant here
    // forgets a cached miss, so a new merchant is still seen at once.
    /// <summary>How long an instance may use a profile it read.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private const int MaxCached = 10_000;
    private const int MaxTries = 5;
    private readonly TableClient _table = storage.Table(StorageNames.MerchantsTable);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, Merchant? Merchant)> _cache = new(StringComparer.Ordinal);

    /// <summary>Adds a new merchant; fails if the id is taken.</summary>
    public async Task AddAsync(Merchant merchant, CancellationToken ct)
    {
        var entity = MerchantEntity.From(merchant, box);
        try
        {
            await _table.AddEntityAsync(entity, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The SDK retries an add whose answer timed out; if the first try was stored, the retry finds this very
            // merchant (its key hash is ours). Anything else holding the id is a real conflict.
            var stored = await _table.GetEntityIfExistsAsync<MerchantEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
            if (!stored.HasValue || stored.Value!.ApiKeyHash != entity.ApiKeyHash)
            {
                throw;
            }
        }
        _cache.TryRemove(merchant.Id, out _);
    }

    /// <summary>The merchant, or null when there is none with that id; may be up to <see cref="CacheFor"/> old.</summary>
    public async Task<Merchant?> FindAsync(string merchantId, CancellationToken ct)
    {
        if (!MerchantIds.IsWellFormed(merchantId))
        {
            return null;
        }
        if (_cache.TryGetValue(merchantId, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Merchant;
        }
        return await FindFreshAsync(merchantId, ct);
    }

    /// <summary>The merchant as stored now, bypassing (and refreshing) this instance's cache.</summary>
    public async Task<Merchant?> FindFreshAsync(string merchantId, CancellationToken ct) =>
        MerchantIds.IsWellFormed(merchantId) ? Remember(merchantId, (await LoadAsync(merchantId, ct))?.ToMerchant(box)) : null;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored profile under its ETag, reading again and retrying when another
    /// writer got there first. Null when there is no such merchant; the problem when the change refuses.
    /// </summary>
    public async Task<Result<Merchant>?> UpdateAsync(string merchantId, Func<Merchant, Result<Merchant>> change, CancellationToken ct)
    {
        for (var attempt = 1; MerchantIds.IsWellFormed(merchantId); attempt++)
        {
            if (await LoadAsync(merchantId, ct) is not { } row)
            {
                return null;
            }
            var changed = change(row.ToMerchant(box));
            if (changed.Problem is not null)
            {
                return changed;
            }
            try
            {
                await _table.UpdateEntityAsync(MerchantEntity.From(changed.Value!, box), row.ETag, TableUpdateMode.Replace, ct);
                return Remember(merchantId, changed.Value!)!;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxTries)
            {
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                return Problem.Conflict("The merchant kept changing while this change was made; send it again.");
            }
        }
        return null;
    }

    /// <summary>One page of merchants, in id order.</summary>
    public Task<Result<Listing<Merchant>>> ListAsync(PageRequest page, CancellationToken ct) =>
        pages.ReadPageAsync(
            _table.QueryAsync<MerchantEntity>(e => e.RowKey == MerchantEntity.Row, page.Limit, cancellationToken: ct),
            page.Token, page.Limit, e => e.ToMerchant(box), "merchants");

    /// <summary>Every merchant, for timers that visit each one.</summary>
    public async IAsyncEnumerable<Merchant> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in _table.QueryAsync<MerchantEntity>(e => e.RowKey == MerchantEntity.Row, 1000, cancellationToken: ct))
        {
            yield return row.ToMerchant(box);
        }
    }

    private async Task<MerchantEntity?> LoadAsync(string merchantId, CancellationToken ct)
    {
        NullableResponse<MerchantEntity> row = await _table.GetEntityIfExistsAsync<MerchantEntity>(merchantId, MerchantEntity.Row, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    private Merchant? Remember(string merchantId, Merchant? merchant)
    {
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[merchantId] = (clock.GetUtcNow() + CacheFor, merchant);
        return merchant;
    }
}
