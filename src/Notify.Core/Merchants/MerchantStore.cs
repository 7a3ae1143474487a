using Azure;
using Notify.Storage;

namespace Notify.Merchants;

/// <summary>Reads and writes merchant profiles.</summary>
public sealed class MerchantStore(StorageClients storage)
{
    private readonly Azure.Data.Tables.TableClient _table = storage.Table(StorageNames.MerchantsTable);

    /// <summary>Adds a new merchant; fails if the id is taken.</summary>
    public Task AddAsync(Merchant merchant, CancellationToken ct) => _table.AddEntityAsync(MerchantEntity.From(merchant), ct);

    /// <summary>The merchant, or null when there is none with that id.</summary>
    public async Task<Merchant?> FindAsync(string merchantId, CancellationToken ct)
    {
        if (!MerchantIds.IsWellFormed(merchantId))
        {
            return null;
        }
        NullableResponse<MerchantEntity> row = await _table.GetEntityIfExistsAsync<MerchantEntity>(merchantId, MerchantEntity.Row, cancellationToken: ct);
        return row.HasValue ? row.Value!.ToMerchant() : null;
    }
}
