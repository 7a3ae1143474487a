using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Notify.Common;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Customers.Erasure;

/// <summary>
/// A merchant erasing a customer on request (Korea's PIPA): the contact is removed from every order of theirs and the
/// customer row is deleted, so nothing of them is read, exported or sent again. A later order makes a new contact.
/// </summary>
public sealed class CustomerErasure(MerchantAuth auth, CustomerIds ids, OrderErasure orders, MerchantData data, ILogger<CustomerErasure> logger)
{
    private const int MaxRounds = 5;
    private readonly TableClient _data = data.Table;

    /// <summary>Erases the customer; 404 when the merchant has no customer with that id.</summary>
    public async Task<Result<int>> EraseAsync(string merchantId, string? authorization, string customerId, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct, currentKeyOnly: true);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var notFound = Problem.NotFound($"No customer '{customerId}' for this merchant.");
        if (!CustomerIds.IsWellFormed(customerId) || await FindAsync(merchantId, customerId, ct) is not { } customer)
        {
            return notFound;
        }
        var key = Uri.UnescapeDataString(customer.RowKey[RowKeys.CustomerPrefix.Length..]);
        var erased = 0;
        for (var round = 1; round <= MaxRounds; round++)
        {
            erased += await EraseOrdersAsync(merchantId, key, ct);
            try
            {
                // Under the ETag: an order that arrived meanwhile changed the row, and its contact is erased next round.
                await _data.DeleteEntityAsync(merchantId, customer.RowKey, customer.ETag, ct);
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && round < MaxRounds)
            {
                customer = (await _data.GetEntityIfExistsAsync<TableEntity>(merchantId, customer.RowKey, cancellationToken: ct)).Value;
                if (customer is null)
                {
                    break;
                }
            }
        }
        logger.LogInformation("Erased customer {CustomerId} of {MerchantId} from {Orders} orders", customerId, merchantId, erased);
        return erased;
    }

    // Customer ids are keyed hashes, so the row is found by hashing each row key of the merchant's contact list.
    private async Task<TableEntity?> FindAsync(string merchantId, string customerId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey ge {RowKeys.CustomerPrefix} and RowKey lt {RowKeys.After(RowKeys.CustomerPrefix)}");
        await foreach (var row in _data.QueryAsync<TableEntity>(filter, 1000, ["RowKey"], ct))
        {
            if (ids.For(merchantId, row.RowKey) == customerId)
            {
                return row;
            }
        }
        return null;
    }

    private async Task<int> EraseOrdersAsync(string merchantId, string key, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey ge {RowKeys.OrderPrefix} and RowKey lt {RowKeys.After(RowKeys.OrderPrefix)}");
        var theirs = new List<string>();
        await foreach (var row in _data.QueryAsync<TableEntity>(filter, 1000, ["RowKey", nameof(OrderEntity.CustomerPhone), nameof(OrderEntity.CustomerEmail)], ct))
        {
            if (OrderErasure.CustomerKey(row.GetString(nameof(OrderEntity.CustomerPhone)), row.GetString(nameof(OrderEntity.CustomerEmail))) == key)
            {
                theirs.Add(row.RowKey);
            }
        }
        var erased = 0;
        foreach (var rowKey in theirs)
        {
            erased += await orders.EraseAsync(merchantId, rowKey, ct) is null ? 0 : 1;
        }
        // Broadcast recipients carry the contact in the same columns: erased (and their delivery stopped) the same way, not counted as orders.
        foreach (var rowKey in await TheirRowsAsync(merchantId, RowKeys.BroadcastPrefix, key, ct))
        {
            await orders.EraseAsync(merchantId, rowKey, ct);
        }
        return erased;
    }

    private async Task<List<string>> TheirRowsAsync(string merchantId, string prefix, string key, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {prefix} and RowKey lt {RowKeys.After(prefix)}");
        var theirs = new List<string>();
        await foreach (var row in _data.QueryAsync<TableEntity>(filter, 1000, ["RowKey", nameof(OrderEntity.CustomerPhone), nameof(OrderEntity.CustomerEmail)], ct))
        {
            if (OrderErasure.CustomerKey(row.GetString(nameof(OrderEntity.CustomerPhone)), row.GetString(nameof(OrderEntity.CustomerEmail))) == key)
            {
                theirs.Add(row.RowKey);
            }
        }
        return theirs;
    }
}
