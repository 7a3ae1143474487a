using System.Text;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Delivery;
using Notify.IntegrationTests.Support;
using Notify.Orders;
using Notify.Storage;

namespace Notify.IntegrationTests.Orders;

/// <summary>The export streams every order of the window, however many storage pages that takes.</summary>
[Collection(AppCollection.Name)]
public sealed class CsvExportTests(NotifyApp app)
{
    private const int Orders = 10_000;

    [Fact]
    public async Task Ten_thousand_orders_export_whole_across_ten_storage_pages()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var numbers = await AddOrdersAsync(merchant.Id);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(Orders + 1, rows.Count);
        var number = rows[0].IndexOf("orderNumber");
        // Storage answers at most 1,000 rows a page: every order once, none from a page read twice.
        Assert.Equal(numbers, rows.Skip(1).Select(r => r[number]).Order(StringComparer.Ordinal));
    }

    // Orders as intake stores them, written straight to the merchant's partition.
    private async Task<List<string>> AddOrdersAsync(string merchantId)
    {
        var start = app.Clock.GetUtcNow().AddHours(-3);
        var orders = Enumerable.Range(0, Orders).Select(i => new OrderEntity
        {
            PartitionKey = merchantId, RowKey = RowKeys.Order(Ids.NewTimeOrdered(start.AddMilliseconds(i))),
            OrderNumber = $"E-{i:D5}", PlacedAt = start, AcceptedAt = start.AddMilliseconds(i), CustomerName = "김민지",
            CustomerPhone = "+821012345678", Currency = "KRW", Total = "1000", ItemsJson = "[{\"name\":\"떡\",\"quantity\":1,\"unitPrice\":1000}]",
            FanOut = FanOutStatus.Planned.Stored(), ConfirmationStatus = ConfirmationStatus.Confirmed.Stored(), Chain = "sms", ConfirmedBy = "sms",
        }).ToList();
        var data = app.Storage.Table(StorageNames.MerchantDataTable);
        foreach (var chunk in orders.Chunk(100))
        {
            await data.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Add, o)));
        }
        return orders.Select(o => o.OrderNumber).Order(StringComparer.Ordinal).ToList();
    }
}
