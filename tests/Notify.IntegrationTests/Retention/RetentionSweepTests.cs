using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notify.IntegrationTests.Support;
using Notify.Orders;
using Notify.Retention;
using Notify.Storage;

namespace Notify.IntegrationTests.Retention;

/// <summary>Contact details are kept only as long as the merchant set, and the sweep reads only what is due.</summary>
[Collection(LifecycleCollection.Name)]
public sealed class RetentionSweepTests(SweepApp app)
{
    [Fact]
    public async Task Retention_erases_only_orders_past_the_merchants_days_reading_only_those()
    {
        var sweep = app.Services.GetRequiredService<RetentionSweep>();
        await sweep.RunAsync(CancellationToken.None); // whatever other tests left is behind the marks now
        var merchant = await MerchantClient.CreateAsync(app);
        using (var patch = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", """{"retentionDays":30}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }
        var (gone, stays) = (OrderSteps.NewPhone(), OrderSteps.NewPhone());
        var old = new List<string>
        {
            await merchant.PostOrderAsync(OrderSteps.ForCustomer(gone, null)),
            await merchant.PostOrderAsync(OrderSteps.ForCustomer(stays, null)),
            await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail())),
        };
        app.Advance(TimeSpan.FromDays(20));
        var recent = await merchant.PostOrderAsync(OrderSteps.ForCustomer(stays, null));
        await AddRecentOrdersAsync(merchant.Id, 500);
        app.Advance(TimeSpan.FromDays(15));

        var report = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(3, report.OrdersRead);
        Assert.Equal(3, report.OrdersErased);
        Assert.Equal(2, report.CustomersErased);
        foreach (var orderId in old)
        {
            var order = await merchant.ReadAsync(orderId);
            Assert.Null(order["customer"]!["phone"]);
            Assert.Equal(30000, order["total"]!.GetValue<decimal>());
        }
        Assert.Equal(stays, (await merchant.ReadAsync(recent))["customer"]!["phone"]!.GetValue<string>());
        var contacts = await ContactsAsync(merchant);
        Assert.DoesNotContain(contacts, c => c["phone"]?.GetValue<string>() == gone);
        Assert.Contains(contacts, c => c["phone"]?.GetValue<string>() == stays);

        var again = await sweep.RunAsync(CancellationToken.None);
        Assert.Equal(0, again.OrdersRead);
        Assert.Equal(0, again.OrdersErased);
    }

    [Fact]
    public async Task Without_its_own_setting_a_merchant_keeps_contacts_for_the_default_days()
    {
        var sweep = app.Services.GetRequiredService<RetentionSweep>();
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));

        app.Advance(TimeSpan.FromDays(364));
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal(phone, (await merchant.ReadAsync(orderId))["customer"]!["phone"]!.GetValue<string>());

        app.Advance(TimeSpan.FromDays(2));
        await sweep.RunAsync(CancellationToken.None);
        Assert.Null((await merchant.ReadAsync(orderId))["customer"]!["phone"]);
    }

    // Orders stored as intake stores them, accepted now: not due, and numerous, so reading them would show.
    private async Task AddRecentOrdersAsync(string merchantId, int count)
    {
        var now = app.Clock.GetUtcNow();
        var rows = Enumerable.Range(0, count).Select(i => new OrderEntity
        {
            PartitionKey = merchantId, RowKey = RowKeys.Order(Notify.Common.Ids.NewTimeOrdered(now.AddMilliseconds(-i))),
            OrderNumber = $"R-{Guid.NewGuid():N}", PlacedAt = now, AcceptedAt = now, CustomerName = "김민지",
            CustomerPhone = "+821012345678", Currency = "KRW", Total = "1000", ItemsJson = "[{\"name\":\"떡\",\"quantity\":1,\"unitPrice\":1000}]",
            FanOut = "planned", ConfirmationStatus = "confirmed", Chain = "sms", ConfirmedBy = "sms",
        });
        var data = app.Storage.Table(StorageNames.MerchantDataTable);
        foreach (var chunk in rows.Chunk(100))
        {
            await data.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, o)));
        }
    }

    private static async Task<List<JsonObject>> ContactsAsync(MerchantClient merchant)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers?limit=1000");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Select(c => c!.AsObject()).ToList();
    }
}
