using Azure.Data.Tables;
using Notify.Common;
using Notify.Delivery;
using Notify.Orders;
using Notify.Storage;
using Notify.Sweep;
using Notify.Deadlines;

namespace Notify.Benchmark.Load;

/// <summary>
/// Bulk rows for the sweep-scaling part: settled orders (confirmed, no deadline left) and, to make the sweep's job
/// harder, as many deliveries waiting on a deadline a day away. Written straight to storage in 100-entity transactions
/// (one partition each), a few at a time, as the sweep cost tests do.
/// </summary>
public static class SettledRows
{
    /// <summary>The partition the settled orders go to; the sweep never reads order rows by scan, so one is enough.</summary>
    public const string MerchantId = "bench-settled";

    /// <summary>Adds <paramref name="count"/> settled orders and as many deadlines due a day from now.</summary>
    public static async Task AddAsync(string storageConnection, int count, int parallelism)
    {
        var service = new TableServiceClient(storageConnection);
        var data = service.GetTableClient(StorageNames.MerchantDataTable);
        var deadlines = service.GetTableClient(StorageNames.DeadlinesTable);
        var now = DateTimeOffset.UtcNow;
        var orders = Enumerable.Range(0, count).Select(i => Settled(Ids.NewTimeOrdered(now.AddMilliseconds(-i)), now)).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        await Parallel.ForEachAsync(orders.Chunk(100), options, async (chunk, ct) =>
            await data.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Add, o)), ct));

        var dueAt = now + TimeSpan.FromDays(1);
        var waiting = orders.Select(o => new DeadlineEntity
        {
            PartitionKey = DeadlineIndex.PartitionFor(dueAt, o.OrderId),
            RowKey = $"{DeadlineKeys.Attempt(1)}|{MerchantId}|{o.OrderId}",
            Kind = DeadlineKeys.Attempt(1), MerchantId = MerchantId, OrderId = o.OrderId, DueAt = dueAt,
        });
        await Parallel.ForEachAsync(waiting.GroupBy(d => d.PartitionKey).SelectMany(p => p.Chunk(100)), options, async (chunk, ct) =>
            await deadlines.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.Add, d)), ct));
    }

    private static OrderEntity Settled(string orderId, DateTimeOffset now) => new()
    {
        PartitionKey = MerchantId, RowKey = RowKeys.Order(orderId), OrderId = orderId,
        OrderNumber = "S-" + orderId, PlacedAt = now, AcceptedAt = now, CustomerName = "김민지",
        CustomerPhone = "+821012345678", Currency = "KRW", Total = "1000",
        ItemsJson = "[{\"name\":\"떡\",\"quantity\":1,\"unitPrice\":1000}]",
        FanOut = FanOutStatus.Planned.Stored(), ConfirmationStatus = ConfirmationStatus.Confirmed.Stored(), Chain = "sms", ConfirmedBy = "sms",
    };
}
