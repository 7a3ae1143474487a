using Azure.Data.Tables;

namespace Notify.Storage;

/// <summary>
/// The MerchantData table, where every merchant's orders, customers and intake records share the merchant's
/// partition (<see cref="RowKeys"/>). The one place that opens it.
/// </summary>
public sealed class MerchantData(StorageClients storage)
{
    /// <summary>The table client.</summary>
    public TableClient Table { get; } = storage.Table(StorageNames.MerchantDataTable);

    /// <summary>The row <paramref name="rowKey"/> of the merchant's partition, or null when there is none.</summary>
    public async Task<T?> FindAsync<T>(string merchantId, string rowKey, CancellationToken ct) where T : class, ITableEntity
    {
        var row = await Table.GetEntityIfExistsAsync<T>(merchantId, rowKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }
}
