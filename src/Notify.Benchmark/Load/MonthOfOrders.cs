using Azure.Data.Tables;
using Notify.Common;
using Notify.Delivery;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Benchmark.Load;

/// <summary>
/// A month of a shop's orders for the damage report part, written straight to the merchant's partition in
/// 100-entity transactions: most confirmed by SMS, one in six failed on SMS and confirmed by e-mail, one in fifty unreached.
/// </summary>
public static class MonthOfOrders
{
    /// <summary>Adds <paramref name="count"/> orders accepted evenly over the 30 days before <paramref name="end"/>.</summary>
    public static async Task AddAsync(string storageConnection, string merchantId, int count, DateTimeOffset end)
    {
        var data = new TableServiceClient(storageConnection).GetTableClient(StorageNames.MerchantDataTable);
        var step = TimeSpan.FromDays(30) / count;
        var orders = Enumerable.Range(0, count).Select(i => Order(merchantId, i, end - TimeSpan.FromDays(30) + step * i)).ToList();
        await Parallel.ForEachAsync(orders.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
            await data.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Add, o)), ct));
    }

    private static OrderEntity Order(string merchantId, int i, DateTimeOffset at)
    {
        var id = Ids.NewTimeOrdered(at);
        List<Attempt> attempts = (i % 50, i % 6) switch
        {
            (0, _) => [new Attempt(1, "sms", AttemptStatus.Failed, at, Error: "503")],
            (_, 0) => [new Attempt(1, "sms", AttemptStatus.Failed, at, Error: "503"), new Attempt(2, "email", AttemptStatus.Delivered, at.AddSeconds(2))],
            _ => [new Attempt(1, "sms", AttemptStatus.Delivered, at, ProviderId: "SM" + id, Receipt: "delivered")],
        };
        var status = i % 50 == 0 ? ConfirmationStatus.Exhausted : ConfirmationStatus.Confirmed;
        return new OrderEntity
        {
            PartitionKey = merchantId, RowKey = RowKeys.Order(id), OrderId = id, OrderNumber = $"M-{i:D6}", PlacedAt = at, AcceptedAt = at,
            CustomerName = "김민지", CustomerPhone = $"+8210{10_000_000 + i}", CustomerEmail = i % 50 == 0 ? null : $"c{i}@bench.example",
            Currency = "KRW", Total = "30000", ItemsJson = "[{\"name\":\"쑥떡 세트\",\"quantity\":2,\"unitPrice\":15000}]",
            FanOut = FanOutStatus.Planned.Stored(), ConfirmationStatus = status.Stored(), Chain = i % 50 == 0 ? "sms" : "sms,email",
            AttemptsJson = Json.Serialize(attempts), ConfirmedBy = status == ConfirmationStatus.Confirmed ? attempts[^1].Channel : null,
        };
    }
}
