using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Broadcasts;

/// <summary>A notice to the customers of a window's orders: one message each, paced, repeatable, cancellable.</summary>
[Collection(BroadcastCollection.Name)]
public sealed class BroadcastTests(BroadcastApp app)
{
    [Fact]
    public async Task Thirty_customers_with_45_orders_get_30_messages_paced_under_the_sandbox_rate_and_a_repeat_sends_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var phones = Enumerable.Range(0, 30).Select(_ => OrderSteps.NewPhone()).ToList();
        var orders = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            orders.Add(await merchant.PostOrderAsync(OrderSteps.ForCustomer(phones[i % 30], OrderSteps.NewEmail())));
        }
        foreach (var order in orders)
        {
            await merchant.ConfirmationAsync(order, "confirmed", TimeSpan.FromSeconds(60));
        }
        var to = DateTimeOffset.UtcNow.AddSeconds(1);
        var token = "공지-" + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();
        // Twilio's own limit, above the app's pace with room for a loaded machine's jitter: a burst of 30 would be refused.
        await app.Sandbox.SetRateLimitAsync(BroadcastApp.SmsPerSecond + 3);
        try
        {
            var (id, recipients) = await merchant.AcceptedBroadcastAsync(app.Http, BroadcastSteps.Body($"재료 소진으로 오늘 주문이 늦어집니다 {token}", from, to), key);
            Assert.Equal(30, recipients);

            var done = await merchant.BroadcastStatusAsync(id, "done", TimeSpan.FromSeconds(60));
            Assert.Equal(30, BroadcastSteps.Count(done, "confirmed"));
            Assert.Equal(30, done["byChannel"]!["sms"]!["delivered"]!.GetValue<int>());
            Assert.Equal(0, await app.Sandbox.RateLimitedAsync());

            // Posting it again with the same key answers the same broadcast and sends nothing more.
            Assert.Equal((id, 30), await merchant.AcceptedBroadcastAsync(app.Http, BroadcastSteps.Body($"재료 소진으로 오늘 주문이 늦어집니다 {token}", from, to), key));
            // A second broadcast, posted after the repeat, shows the queues have moved on past anything the repeat could have started.
            var (after, _) = await merchant.AcceptedBroadcastAsync(app.Http, BroadcastSteps.Body("sentinel " + Guid.NewGuid().ToString("N")[..6], from, to), Guid.NewGuid().ToString());
            await merchant.BroadcastStatusAsync(after, "done", TimeSpan.FromSeconds(60));

            var notices = (await app.Sandbox.MessagesAsync()).Where(m => m["body"]!.GetValue<string>().Contains(token, StringComparison.Ordinal)).ToList();
            Assert.Equal(phones.Order(), notices.Select(m => m["to"]!.GetValue<string>()).Order());
            Assert.All(notices, m => Assert.StartsWith("[쑥떡집] 재료 소진", m["body"]!.GetValue<string>(), StringComparison.Ordinal));
        }
        finally
        {
            await app.Sandbox.SetRateLimitAsync(0);
        }
    }

    [Fact]
    public async Task Twilio_429s_hold_the_broadcast_back_without_taking_sms_down()
    {
        var (merchant, from, to) = await CustomersAsync(6);
        var token = Guid.NewGuid().ToString("N")[..8];
        // Twilio far below the app's pace: most creates are refused, each is back-pressure.
        await app.Sandbox.SetRateLimitAsync(1);
        try
        {
            var (id, _) = await merchant.AcceptedBroadcastAsync(app.Http, BroadcastSteps.Body("Late today " + token, from, to), Guid.NewGuid().ToString());

            var done = await merchant.BroadcastStatusAsync(id, "done", TimeSpan.FromSeconds(90));
            Assert.Equal(6, BroadcastSteps.Count(done, "confirmed"));
            Assert.Equal("""{"delivered":6}""", done["byChannel"]!["sms"]!.ToJsonString());
            Assert.Null(done["byChannel"]!["email"]);
            Assert.True(await app.Sandbox.RateLimitedAsync() > 0, "the sandbox refused nothing: the test did not throttle");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/channels");
            request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
            using var channels = await app.Http.SendAsync(request);
            var sms = (await channels.Content.ReadFromJsonAsync<JsonObject>())!["channels"]!.AsArray().Single(c => c!["channel"]!.GetValue<string>() == "sms")!;
            Assert.Equal("up", sms["state"]!.GetValue<string>());
            Assert.Empty(sms["outages"]!.AsArray());
        }
        finally
        {
            await app.Sandbox.SetRateLimitAsync(0);
        }
    }

    [Fact]
    public async Task Same_key_with_another_message_is_a_conflict()
    {
        var (merchant, from, to) = await CustomersAsync(1);
        var key = Guid.NewGuid().ToString();
        await merchant.AcceptedBroadcastAsync(app.Http, BroadcastSteps.Body("first", from, to), key);

        using var response = await merchant.BroadcastAsync(app.Http, BroadcastSteps.Body("second", from, to), key);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_mid_way_stops_the_rest()
    {
        var (merchant, from, to) = await CustomersAsync(20);
        var token = Guid.NewGuid().ToString("N")[..8];
        // At 5 a second, 20 recipients take four seconds to be released: cancelling at once stops most of them.
        var (id, _) = await merchant.AcceptedBroadcastAsync(app.Http, BroadcastSteps.Body("Closed today " + token, from, to), Guid.NewGuid().ToString());

        using var cancel = await merchant.PostEmptyAsync(app.Http, $"/api/merchants/{merchant.Id}/broadcasts/{id}/cancel");
        var cancelled = await cancel.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(cancel.StatusCode == HttpStatusCode.OK, cancelled?.ToJsonString());
        Assert.Equal("cancelled", cancelled!["status"]!.GetValue<string>());
        var stopped = BroadcastSteps.Count(cancelled, "cancelled");
        Assert.True(stopped > 0, cancelled.ToJsonString());

        // What was already with Twilio goes on; nothing cancelled is ever sent.
        var settled = await Eventually.MatchAsync(() => merchant.ProgressAsync(id),
            p => BroadcastSteps.Count(p, "cancelled") + BroadcastSteps.Count(p, "confirmed") == 20, TimeSpan.FromSeconds(30), "every recipient cancelled or confirmed");
        Assert.Equal(stopped, BroadcastSteps.Count(settled, "cancelled"));
        var sent = (await app.Sandbox.MessagesAsync()).Count(m => m["body"]!.GetValue<string>().Contains(token, StringComparison.Ordinal));
        Assert.Equal(20 - stopped, sent);

        using var again = await merchant.PostEmptyAsync(app.Http, $"/api/merchants/{merchant.Id}/broadcasts/{id}/cancel");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_merchants_broadcast_is_not_found()
    {
        var (merchant, from, to) = await CustomersAsync(1);
        var (id, _) = await merchant.AcceptedBroadcastAsync(app.Http, BroadcastSteps.Body("Hello", from, to), Guid.NewGuid().ToString());
        var other = await MerchantClient.CreateAsync(app);

        using var read = await other.GetAsync($"/api/merchants/{other.Id}/broadcasts/{id}");
        using var cancel = await other.PostEmptyAsync(app.Http, $"/api/merchants/{other.Id}/broadcasts/{id}/cancel");

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(cancel, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_broadcasts_are_422s_and_write_nothing()
    {
        var (merchant, from, to) = await CustomersAsync(1);
        var rowsBefore = (await app.MerchantRowsAsync(merchant.Id)).Count;

        using var empty = await merchant.BroadcastAsync(app.Http, BroadcastSteps.Body("Hello", from.AddDays(-3), from.AddDays(-2)), Guid.NewGuid().ToString());
        using var noKey = await merchant.BroadcastAsync(app.Http, BroadcastSteps.Body("Hello", from, to), null);
        using var tooLong = await merchant.BroadcastAsync(app.Http, BroadcastSteps.Body(new string('가', 140), from, to), Guid.NewGuid().ToString());
        using var backwards = await merchant.BroadcastAsync(app.Http, BroadcastSteps.Body("Hello", to, from), Guid.NewGuid().ToString());
        using var status = await merchant.BroadcastAsync(app.Http, BroadcastSteps.Body("Hello", from, to, status: ["lost"]), Guid.NewGuid().ToString());

        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.UnprocessableEntity, "audience");
        await ProblemAssert.IsProblemAsync(noKey, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        var limit = await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity, "message");
        Assert.Contains("the limit is 2", limit["errors"]!["message"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(backwards, HttpStatusCode.UnprocessableEntity, "audience.to");
        await ProblemAssert.IsProblemAsync(status, HttpStatusCode.UnprocessableEntity, "audience.status");
        Assert.Equal(rowsBefore, (await app.MerchantRowsAsync(merchant.Id)).Count);
    }

    // A merchant with this many customers, one confirmed order each, and the window around them.
    private async Task<(MerchantClient Merchant, DateTimeOffset From, DateTimeOffset To)> CustomersAsync(int count)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var orders = new List<string>();
        for (var i = 0; i < count; i++)
        {
            orders.Add(await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail())));
        }
        foreach (var order in orders)
        {
            await merchant.ConfirmationAsync(order, "confirmed", TimeSpan.FromSeconds(60));
        }
        return (merchant, from, DateTimeOffset.UtcNow.AddSeconds(1));
    }
}
