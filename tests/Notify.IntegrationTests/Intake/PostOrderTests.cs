using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

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
        // The fan-out (running in the background by now) moves the order's deadlines on; none may belong to another order.
        Assert.All(await app.DeadlinesAsync(merchant.Id), d => Assert.Equal(orderId, d.GetString("OrderId")));
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
