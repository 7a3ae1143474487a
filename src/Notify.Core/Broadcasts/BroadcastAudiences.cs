using Azure.Data.Tables;
using Notify.Common;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Broadcasts;

/// <summary>The customers a broadcast goes to: one per customer key, however many orders they have in the window.</summary>
public sealed class BroadcastAudiences(MerchantData data)
{
    private static readonly string[] Columns =
    [
        nameof(OrderEntity.AcceptedAt), nameof(OrderEntity.CustomerName), nameof(OrderEntity.CustomerPhone),
        nameof(OrderEntity.CustomerEmail), nameof(OrderEntity.CustomerLocale), nameof(OrderEntity.ConfirmationStatus),
    ];

    /// <summary>
    /// Customers with an order accepted in the window before <paramref name="asOf"/> (so that the same request later
    /// finds the same people), in a stable order, each with the contact of their latest order.
    /// </summary>
    public async Task<List<Customer>> ReadAsync(string merchantId, BroadcastRequest request, DateTimeOffset asOf, CancellationToken ct)
    {
        // Orders accepted in asOf's own millisecond are in: ids are time-ordered to the millisecond.
        var to = request.To <= asOf ? request.To : asOf.AddMilliseconds(1);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey ge {RowKeys.OrderPrefix + Ids.TimePrefix(request.From)} and RowKey lt {RowKeys.OrderPrefix + Ids.TimePrefix(to)}");
        var latest = new Dictionary<string, Customer>(StringComparer.Ordinal);
        await foreach (var row in data.Table.QueryAsync<OrderEntity>(filter, 1000, Columns, ct))
        {
            if (!request.Statuses.Contains(row.ConfirmationStatus) || (row.CustomerPhone is null && row.CustomerEmail is null))
            {
                continue;
            }
            var customer = new Customer(row.CustomerName, row.CustomerPhone, row.CustomerEmail, row.CustomerLocale);
            latest[customer.Key] = customer;
        }
        return latest.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
    }
}
