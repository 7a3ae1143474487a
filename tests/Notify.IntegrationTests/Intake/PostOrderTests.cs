using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notify.Deadlines;
using Notify.Intake;
using Notify.IntegrationTests.Support;
using Notify.Storage;

namespace Notify.IntegrationTests.Intake;

[Collection(AppCollection.Name)]
public sealed class PostOrderTests(NotifyApp app)
{
    [Fact]
    public async Task Signed_order_is_stored_with_its_customer_before_the_202()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostAsync(MerchantClient.SampleOrder("A-1001"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
        Assert.Equal($"/api/merchants/{merchant.Id}/orders/{orderId}", response.Headers.Location?.OriginalString);
        var rows = await app.MerchantRowsAsync(merchant.Id);
        var order = Assert.Single(rows, r => r.RowKey == "order|" + orderId);
        Assert.Equal("+821012345678", order.GetString("CustomerPhone"));
        var customer = Assert.Single(rows, r => r.RowKey.StartsWith("customer|", StringComparison.Ordinal));
        Assert.Equal("김민지", customer.GetString("Name"));
    }

    [Fact]
    public async Task First_send_deadline_is_stored_before_the_order_so_it_stands_at_the_202()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        // Intake as the route runs it, over table clients that record each request: intake plans the order and enqueues
        // its SMS, the send runs in the background and moves the deadline, so what was stored is read from the requests.
        var reads = new TableReads();
        var options = new TableClientOptions();
        options.AddPolicy(reads, HttpPipelinePosition.PerRetry);
        var storage = new StorageClients(new TableServiceClient(app.StorageConnection, options), app.Storage.Queues);
        var intake = ActivatorUtilities.CreateInstance<IntakeService>(app.Services, new MerchantData(storage), new DeadlineIndex(storage), new QueueSender(storage));
        var body = Encoding.UTF8.GetBytes(MerchantClient.SampleOrder().ToJsonString());
        var now = app.Clock.GetUtcNow();
        var signature = Notify.Signing.StandardWebhook.Sign(merchant.WebhookSecret, "msg_deadline", now.ToUnixTimeSeconds(), body);

        var result = await intake.AcceptAsync(
            new SignedOrder(merchant.Id, "msg_deadline", now.ToUnixTimeSeconds().ToString(), signature, "application/json", new MemoryStream(body)),
            CancellationToken.None);

        var orderId = result.Value!.OrderId;
        var requests = reads.Requests;
        var deadline = requests.ToList().FindIndex(r => r is { Method: "PUT" or "PATCH" or "MERGE", Status: < 300 }
            && r.Path.Contains($"/{StorageNames.DeadlinesTable}(PartitionKey=", StringComparison.Ordinal)
            && r.Path.EndsWith($",RowKey='{DeadlineKeys.Attempt(1)}|{merchant.Id}|{orderId}')", StringComparison.Ordinal));
        var transaction = requests.ToList().FindIndex(r => r is { Method: "POST", Status: 202 } && r.Path.EndsWith("$batch", StringComparison.Ordinal));
        Assert.True(deadline >= 0, $"no first-send deadline stored for {orderId}: {string.Join(", ", requests)}");
        Assert.True(transaction > deadline, $"the order's transaction ({transaction}) came before its first send's deadline ({deadline})");
        // Nothing the intake did removed it, and it read nothing back: a deadline and a transaction, the whole of its table work.
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain(requests, r => r.Method == "DELETE" && r.Path.Contains(StorageNames.DeadlinesTable, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replayed_webhook_returns_the_first_answer_and_creates_no_second_order()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var body = MerchantClient.SampleOrder().ToJsonString();
        using var first = await merchant.PostRawAsync(body, webhookId: "msg_replay");
        using var second = await merchant.PostRawAsync(body, webhookId: "msg_replay");

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await app.MerchantRowsAsync(merchant.Id), r => r.RowKey.StartsWith("order|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Same_order_number_with_same_content_is_the_same_order()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = MerchantClient.SampleOrder("A-2000");
        using var first = await merchant.PostAsync(order);
        using var again = await merchant.PostAsync(order);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>(),
            (await again.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>());
        Assert.Single(await app.MerchantRowsAsync(merchant.Id), r => r.RowKey.StartsWith("order|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Same_order_number_with_different_content_is_a_conflict()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var first = await merchant.PostAsync(MerchantClient.SampleOrder("A-3000"));
        var changed = MerchantClient.SampleOrder("A-3000");
        changed["note"] = "다른 주문";
        using var conflict = await merchant.PostAsync(changed);

        await ProblemAssert.IsProblemAsync(conflict, HttpStatusCode.Conflict);
        Assert.Single(await app.MerchantRowsAsync(merchant.Id), r => r.RowKey.StartsWith("order|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_posts_of_one_webhook_store_one_order()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var body = MerchantClient.SampleOrder().ToJsonString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => merchant.PostRawAsync(body, webhookId: "msg_race")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>()));
        var winner = Assert.Single(ids.Distinct());
        Assert.Single(await app.MerchantRowsAsync(merchant.Id), r => r.RowKey.StartsWith("order|", StringComparison.Ordinal));
        // The losers cleared the fan-out deadlines they wrote before their transaction failed.
        Assert.All(await app.DeadlinesAsync(merchant.Id), d => Assert.Equal(winner, d.GetString("OrderId")));
    }
}
