using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Customers.Erasure;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Customers;

/// <summary>A merchant reading its own contact list.</summary>
public sealed class CustomerQueries(MerchantAuth auth, CustomerIds ids, MerchantData data, PageTokens pages)
{
    private readonly TableClient _data = data.Table;

    /// <summary>One page of contacts, ordered by phone or e-mail.</summary>
    public async Task<Result<Listing<ContactView>>> ListAsync(string merchantId, string? authorization, PageRequest page, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var filter = Filter(merchantId);
        return await pages.ReadPageAsync(
            _data.QueryAsync<CustomerEntity>(filter, page.Limit, cancellationToken: ct), page.Token, page.Limit,
            e => ContactView.From(e, ids.For(merchantId, e.RowKey)), "customers:" + filter);
    }

    /// <summary>Authenticates, then streams every contact (for CSV export).</summary>
    public async Task<Result<IAsyncEnumerable<ContactView>>> ExportAsync(string merchantId, string? authorization, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        return merchant.Problem is { } denied ? denied : Result<IAsyncEnumerable<ContactView>>.Ok(All(merchantId, ct));
    }

    private async IAsyncEnumerable<ContactView> All(string merchantId, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in _data.QueryAsync<CustomerEntity>(Filter(merchantId), 1000, cancellationToken: ct))
        {
            yield return ContactView.From(row, ids.For(merchantId, row.RowKey));
        }
    }

    private static string Filter(string merchantId) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {merchantId} and RowKey ge {RowKeys.CustomerPrefix} and RowKey lt {RowKeys.After(RowKeys.CustomerPrefix)}");
}
