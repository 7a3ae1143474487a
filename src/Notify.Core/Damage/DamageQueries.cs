using Azure.Data.Tables;
using Notify.Channels.Health;
using Notify.Common;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Damage;

/// <summary>
/// A merchant's damage report: reads only its own partition (two row-key ranges: the window and the week before it)
/// and the outage ledger, and writes nothing.
/// </summary>
public sealed class DamageQueries(MerchantAuth auth, MerchantData data, OutageLedger ledger, TimeProvider clock)
{
    // The delivery columns and what an affected order is listed by: the order's items and note stay unread.
    private static readonly string[] ReportColumns =
    [
        nameof(OrderEntity.OrderId), nameof(OrderEntity.OrderNumber), nameof(OrderEntity.AcceptedAt), nameof(OrderEntity.CustomerName),
        nameof(OrderEntity.CustomerPhone), nameof(OrderEntity.CustomerEmail), nameof(OrderEntity.ConfirmationStatus),
        nameof(OrderEntity.Chain), nameof(OrderEntity.AttemptsJson), nameof(OrderEntity.ConfirmedBy),
    ];

    /// <summary>The report for <paramref name="from"/>–<paramref name="to"/>, for the merchant whose key <paramref name="authorization"/> carries.</summary>
    public async Task<Result<DamageReport>> ReportAsync(string merchantId, string? authorization, string? from, string? to, CancellationToken ct)
    {
        // Who is asking comes first: another merchant's key learns nothing, not even that its window was malformed.
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var parsed = DamageWindow.Parse(from, to, clock.GetUtcNow());
        if (parsed.Problem is { } invalid)
        {
            return invalid;
        }
        var window = parsed.Value!;
        // Three independent reads: the window, the same span a week earlier, the ledger.
        var week = TimeSpan.FromDays(7);
        var orders = ReadAsync(Range(merchantId, window.From, window.To), ReportColumns, row => row, ct);
        var weekEarlier = ReadAsync(Range(merchantId, window.From - week, window.To - week), [nameof(OrderEntity.AcceptedAt)], row => row.AcceptedAt, ct);
        var lines = Task.WhenAll(ChannelHealth.Shared.Select(channel => ledger.ReadAsync(channel, ct)));
        await Task.WhenAll(orders, weekEarlier, lines);
        return DamageTally.Build(window, merchant.Value!.TimeZone, orders.Result, weekEarlier.Result, lines.Result.SelectMany(l => l));
    }

    private async Task<List<T>> ReadAsync<T>(string filter, string[] columns, Func<OrderEntity, T> map, CancellationToken ct)
    {
        var rows = new List<T>();
        await foreach (var row in data.Table.QueryAsync<OrderEntity>(filter, 1000, columns, ct))
        {
            rows.Add(map(row));
        }
        return rows;
    }

    // Order ids are time-ordered (to the millisecond), so accepted times in [from, to) are one row-key range.
    private static string Range(string merchantId, DateTimeOffset from, DateTimeOffset to) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey ge {RowKeys.OrderPrefix + Ids.TimePrefix(from)} and RowKey lt {RowKeys.OrderPrefix + Ids.TimePrefix(to)}");
}
