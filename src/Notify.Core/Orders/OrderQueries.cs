using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Merchants;
using Notify.Storage;

namespace Notify.Orders;

/// <summary>A merchant reading its own orders: one order, a page, or every order in a window for export.</summary>
public sealed class OrderQueries(MerchantAuth auth, MerchantData data, PageTokens pages)
{
    private readonly TableClient _data = data.Table;

    /// <summary>One order of the authenticated merchant; 404 for any id not in its partition.</summary>
    public async Task<Result<OrderView>> GetAsync(string merchantId, string? authorization, string orderId, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var notFound = Problem.NotFound($"No order '{orderId}' for this merchant.");
        if (!Ids.IsTimeOrdered(orderId))
        {
            return notFound;
        }
        var row = await _data.GetEntityIfExistsAsync<OrderEntity>(merchantId, RowKeys.Order(orderId), cancellationToken: ct);
        return row.HasValue ? OrderView.From(row.Value!) : notFound;
    }

    /// <summary>One page of orders in the window, oldest first.</summary>
    public async Task<Result<Listing<OrderView>>> ListAsync(string merchantId, string? authorization, OrderWindow window, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var filter = Filter(merchantId, window);
        return await pages.ReadPageAsync(
            _data.QueryAsync<OrderEntity>(filter, window.Page.Limit, cancellationToken: ct),
            window.Page.Token, window.Page.Limit, OrderView.From, "orders:" + filter);
    }

    /// <summary>Authenticates, then streams every order in the window (for CSV export).</summary>
    public async Task<Result<IAsyncEnumerable<OrderView>>> ExportAsync(string merchantId, string? authorization, OrderWindow window, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        return merchant.Problem is { } denied ? denied : Result<IAsyncEnumerable<OrderView>>.Ok(All(merchantId, window, ct));
    }

    private async IAsyncEnumerable<OrderView> All(string merchantId, OrderWindow window, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in _data.QueryAsync<OrderEntity>(Filter(merchantId, window), 1000, cancellationToken: ct))
        {
            yield return OrderView.From(row);
        }
    }

    // Order ids are time-ordered, so the accepted-time window is a row-key range within the merchant's partition.
    private static string Filter(string merchantId, OrderWindow w)
    {
        var low = RowKeys.OrderPrefix + (w.From is { } from ? Ids.TimePrefix(from) : "");
        var high = w.To is { } to ? RowKeys.OrderPrefix + Ids.TimePrefix(to) : RowKeys.After(RowKeys.OrderPrefix);
        return w.Status is { } status
            ? TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {low} and RowKey lt {high} and ConfirmationStatus eq {status}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {low} and RowKey lt {high}");
    }
}
