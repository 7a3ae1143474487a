using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Common;
using Notify.Configuration;
using Notify.Customers;
using Notify.Customers.Erasure;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Retention;

/// <summary>
/// Erases the contact details of orders older than each merchant's <c>retentionDays</c>, and the customers whose last
/// order is that old. Order ids are time-ordered, so what is due is one row-key range per merchant, from where the
/// previous run stopped (a mark row in the merchant's partition) to the cut-off: a run reads what is due, never the
/// whole table.
/// </summary>
public sealed class RetentionSweep(
    MerchantStore merchants, OrderErasure erasure, MerchantData data, IOptions<NotifyOptions> options, TimeProvider clock,
    ILogger<RetentionSweep> logger)
{
    /// <summary>The row in a merchant's partition that says how far retention has gone.</summary>
    public const string MarkRow = "retention";

    private const string ErasedBefore = nameof(ErasedBefore);
    private readonly TableClient _data = data.Table;

    /// <summary>One run over every merchant; safe to overlap with another (erasing twice changes nothing).</summary>
    public async Task<RetentionReport> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int visited = 0, read = 0, erased = 0, customers = 0, other = 0;
        await foreach (var merchant in merchants.AllAsync(ct))
        {
            visited++;
            var cutoff = now - TimeSpan.FromDays(merchant.RetentionDays ?? options.Value.RetentionDays);
            var result = await SweepAsync(merchant.Id, cutoff, ct);
            (read, erased, customers, other) = (read + result.Read, erased + result.Erased, customers + result.Customers, other + result.Other);
        }
        logger.LogInformation("Retention: {Merchants} merchants, {Read} orders read, {Erased} erased, {Customers} customers erased", visited, read, erased, customers);
        return new RetentionReport(visited, read, erased, customers, other);
    }

    private async Task<(int Read, int Erased, int Customers, int Other)> SweepAsync(string merchantId, DateTimeOffset cutoff, CancellationToken ct)
    {
        var mark = await _data.GetEntityIfExistsAsync<TableEntity>(merchantId, MarkRow, cancellationToken: ct);
        var from = mark.HasValue ? mark.Value!.GetString(ErasedBefore) ?? "" : "";
        var to = Ids.TimePrefix(cutoff);
        int read = 0, erased = 0, customers = 0, other = 1;
        if (string.CompareOrdinal(from, to) >= 0)
        {
            return (read, erased, customers, other);
        }
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey ge {RowKeys.OrderPrefix + from} and RowKey lt {RowKeys.OrderPrefix + to}");
        var checkedCustomers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var order in _data.QueryAsync<TableEntity>(filter, 1000, ["RowKey", nameof(OrderEntity.ErasedAt)], ct))
        {
            read++;
            if (order.GetDateTimeOffset(nameof(OrderEntity.ErasedAt)) is not null)
            {
                continue;
            }
            other++; // the erasure reads the whole row before it replaces it
            if (await erasure.EraseAsync(merchantId, order.RowKey, ct) is not { } key)
            {
                continue;
            }
            erased++;
            if (checkedCustomers.Add(key))
            {
                other++;
                customers += await EraseCustomerIfDueAsync(merchantId, key, cutoff, ct) ? 1 : 0;
            }
        }
        await _data.UpsertEntityAsync(new TableEntity(merchantId, MarkRow) { [ErasedBefore] = to }, TableUpdateMode.Replace, ct);
        return (read, erased, customers, other);
    }

    // The customer row goes when their last order is past retention too; a newer order keeps it (and its contact).
    private async Task<bool> EraseCustomerIfDueAsync(string merchantId, string key, DateTimeOffset cutoff, CancellationToken ct)
    {
        var row = await _data.GetEntityIfExistsAsync<CustomerEntity>(merchantId, RowKeys.Customer(key), cancellationToken: ct);
        if (!row.HasValue || row.Value!.LastOrderAt >= cutoff)
        {
            return false;
        }
        try
        {
            await _data.DeleteEntityAsync(merchantId, row.Value.RowKey, row.Value.ETag, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false; // gone already, or the customer just ordered again
        }
    }
}
