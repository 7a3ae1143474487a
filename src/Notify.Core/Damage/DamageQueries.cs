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
public sealed class DamageQueries(MerchantAuth auth, MerchantData data, OutageLedger ledger)
{
    // The delivery columns and what an affected order is listed by: the order's items and note stay unread.
    private static readonly string[] ReportColumns =
    [
        nameof(OrderEntity.OrderId), nameof(OrderEntity.OrderNumber), nameof(OrderEntity.AcceptedAt), nameof(OrderEntity.CustomerName),
        nameof(OrderEntity.CustomerPhone), nameof(OrderEntity.CustomerEmail), nameof(OrderEntity.ConfirmationStatus),
        nameof(OrderEntity.Chain), nameof(OrderEntity.AttemptsJson), nameof(OrderEntity.ConfirmedBy),
    ];

    /// <summary>The report for <paramref name="window"/>, for the merchant whose key <paramref name="authorization"/> carries.</summary>
    public async Task<Result<DamageReport>> ReportAsync(string merchantId, string? authorization, DamageWindow window, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var orders = new List<OrderEntity>();
        await foreach (var row in data.Table.QueryAsync<OrderEntity>(Range(merchantId, window.From, window.To), 1000, ReportColumns, ct))
        {
            orders.Add(row);
        }
        var weekEarlier = new List<DateTimeOffset>();
        var week = TimeSpan.FromDays(7);
        await foreach (var row in data.Table.QueryAsync<OrderEntity>(Range(merchantId, window.From - week, window.To - week), 1000, [nameof(OrderEntity.AcceptedAt)], ct))
        {
            weekEarlier.Add(row.AcceptedAt);
        }
        var lines = new List<OutageRecord>();
        foreach (var channel in ChannelHealth.Shared)
        {
            lines.AddRange(await ledger.ReadAsync(channel, ct));
        }
        return DamageTally.Build(window, merchant.Value!.TimeZone, orders, weekEarlier, lines);
    }

    // Order ids are time-ordered (to the millisecond), so accepted times in [from, to) are one row-key range.
    private static string Range(string merchantId, DateTimeOffset from, DateTimeOffset to) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {merchantId} and RowKey ge {RowKeys.OrderPrefix + Ids.TimePrefix(from)} and RowKey lt {RowKeys.OrderPrefix + Ids.TimePrefix(to)}");
}
