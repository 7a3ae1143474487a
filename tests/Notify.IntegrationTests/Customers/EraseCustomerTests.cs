using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notify.Delivery;
using Notify.IntegrationTests.Support;
using Notify.Storage;
using Notify.Sweep;
using Notify.Delivery.Sending;

namespace Notify.IntegrationTests.Customers;

/// <summary>A merchant erases a customer: contact details gone everywhere, nothing sent to them afterwards.</summary>
[Collection(LifecycleCollection.Name)]
public sealed class EraseCustomerTests(SweepApp app)
{
    [Fact]
    public async Task Erasure_removes_the_contact_from_every_order_and_the_exports_show_no_trace()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var (phone, email, name) = (OrderSteps.NewPhone(), OrderSteps.NewEmail(), "이수민" + Random.Shared.Next(1000, 9999));
        var theirs = new[] { await PostAsync(merchant, phone, email, name), await PostAsync(merchant, phone, email, name) };
        var someoneElse = await PostAsync(merchant, OrderSteps.NewPhone(), OrderSteps.NewEmail(), "김민지");
        foreach (var orderId in theirs)
        {
            await merchant.ConfirmationAsync(orderId, "confirmed");
        }

        using (var erased = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/{await CustomerIdAsync(merchant, phone)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        foreach (var orderId in theirs)
        {
            var order = await merchant.ReadAsync(orderId);
            Assert.Equal("", order["customer"]!["name"]!.GetValue<string>());
            Assert.Null(order["customer"]!["phone"]);
            Assert.Null(order["customer"]!["email"]);
            Assert.Null(order["note"]);
            Assert.Equal(30000, order["total"]!.GetValue<decimal>());
            Assert.Equal("confirmed", order["confirmation"]!["status"]!.GetValue<string>());
            Assert.NotEmpty(order["confirmation"]!["attempts"]!.AsArray());
        }
        Assert.Equal("김민지", (await merchant.ReadAsync(someoneElse))["customer"]!["name"]!.GetValue<string>());

        var national = "0" + phone["+82".Length..];
        foreach (var path in new[] { $"/api/merchants/{merchant.Id}/orders?format=csv", $"/api/merchants/{merchant.Id}/customers?format=csv", $"/api/merchants/{merchant.Id}/customers", $"/api/merchants/{merchant.Id}/orders" })
        {
            using var export = await merchant.GetAsync(path);
            var text = await export.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            if (path.Contains("/orders"))
            {
                Assert.Contains(theirs[0], text);
            }
            foreach (var trace in new[] { phone, national, email, name })
            {
                Assert.DoesNotContain(trace, text, StringComparison.OrdinalIgnoreCase);
            }
        }
        // Storage itself keeps no copy either (a row key, a hash over the contact, a stray column).
        foreach (var row in await app.MerchantRowsAsync(merchant.Id))
        {
            var values = string.Join("|", row.Select(kv => kv.Key + "=" + kv.Value));
            Assert.DoesNotContain(phone, values);
            Assert.DoesNotContain(Uri.EscapeDataString(email), values, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email, values, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, values);
        }
    }

    [Fact]
    public async Task A_pending_delivery_is_cancelled_and_nothing_is_sent_afterwards()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        var (phone, email) = (OrderSteps.NewPhone(), OrderSteps.NewEmail());
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));
        await merchant.ConfirmationAsync(orderId, "sent");

        using (var erased = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/{await CustomerIdAsync(merchant, phone)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }
        var cancelled = (await merchant.ReadAsync(orderId))["confirmation"]!.AsObject();
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal([("sms", "cancelled")], OrderSteps.Attempts(cancelled));

        // Past the SMS deadline the sweep would reroute to e-mail; for an erased customer it does nothing.
        app.Advance(SweepApp.SmsReceiptTimeout + TimeSpan.FromSeconds(1));
        await app.Services.GetRequiredService<StallSweep>().RunAsync(CancellationToken.None);

        var after = (await merchant.ReadAsync(orderId))["confirmation"]!.AsObject();
        Assert.Equal("cancelled", after["status"]!.GetValue<string>());
        Assert.Equal([("sms", "cancelled")], OrderSteps.Attempts(after));
        Assert.Empty(await app.Mailbox.MailsToAsync(email));
        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
    }

    [Fact]
    public async Task A_send_still_queued_for_an_erased_order_finds_nothing_to_send()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await MerchantClient.CreateAsync(app, new { name = "웹훅집", channels = new[] { "webhook" }, webhookUrl = receiver.Url });
        var phone = OrderSteps.NewPhone();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));
        await merchant.ConfirmationAsync(orderId, "confirmed");
        using (var erased = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/{await CustomerIdAsync(merchant, phone)}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }
        // A send message of an erased order that is still on its queue: its attempt waits, as if nothing had cancelled it.
        var data = app.Storage.Table(StorageNames.MerchantDataTable);
        var row = (await data.GetEntityAsync<TableEntity>(merchant.Id, RowKeys.Order(orderId))).Value;
        var queued = new[] { new Attempt(1, "webhook", AttemptStatus.Queued, app.Clock.GetUtcNow()) };
        row["ConfirmationStatus"] = "pending";
        row["AttemptsJson"] = Notify.Common.Json.Serialize(queued);
        await data.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var before = receiver.Received.Count;

        await app.Services.GetRequiredService<SendService>().SendAsync("webhook", new SendMessage(merchant.Id, orderId, 1), CancellationToken.None);

        Assert.Equal(before, receiver.Received.Count);
        Assert.Equal([("webhook", "queued")], OrderSteps.Attempts((await merchant.ReadAsync(orderId))["confirmation"]!.AsObject()));
    }

    [Fact]
    public async Task A_customer_who_orders_again_is_a_new_contact()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        var old = await PostAsync(merchant, phone, OrderSteps.NewEmail(), "박지훈");
        using (await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/{await CustomerIdAsync(merchant, phone)}")) { }

        var again = await PostAsync(merchant, phone, null, "박지훈");

        var contact = await ContactAsync(merchant, phone);
        Assert.Equal(again, contact["lastOrderId"]!.GetValue<string>());
        Assert.Null(contact["email"]);
        Assert.Null((await merchant.ReadAsync(old))["customer"]!["phone"]);
    }

    [Fact]
    public async Task Erasing_an_unknown_customer_is_404()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var unknown = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/c_0123456789abcdef0123456789abcdef");
        using var malformed = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/%2B821012345678");

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasing_twice_is_404_the_second_time_and_changes_nothing_more()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        await PostAsync(merchant, phone, null, "최유나");
        var customerId = await CustomerIdAsync(merchant, phone);
        using (var first = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/{customerId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var second = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/{customerId}");

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_merchants_key_cannot_erase_and_nothing_changes()
    {
        var owner = await MerchantClient.CreateAsync(app);
        var other = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        var orderId = await PostAsync(owner, phone, null, "정다은");
        var customerId = await CustomerIdAsync(owner, phone);

        using var response = await owner.SendAsync(HttpMethod.Delete, $"/api/merchants/{owner.Id}/customers/{customerId}", key: other.ApiKey);
        using var sideways = await other.SendAsync(HttpMethod.Delete, $"/api/merchants/{other.Id}/customers/{customerId}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(sideways, HttpStatusCode.NotFound);
        Assert.Equal(phone, (await owner.ReadAsync(orderId))["customer"]!["phone"]!.GetValue<string>());
        Assert.Equal(customerId, (await ContactAsync(owner, phone))["customerId"]!.GetValue<string>());
    }

    private static async Task<string> PostAsync(MerchantClient merchant, string? phone, string? email, string name)
    {
        var order = OrderSteps.ForCustomer(phone, email);
        order["customer"]!["name"] = name;
        return await merchant.PostOrderAsync(order);
    }

    private static async Task<JsonObject> ContactAsync(MerchantClient merchant, string phone)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers");
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        return items.Single(c => c!["phone"]?.GetValue<string>() == phone)!.AsObject();
    }

    private static async Task<string> CustomerIdAsync(MerchantClient merchant, string phone) =>
        (await ContactAsync(merchant, phone))["customerId"]!.GetValue<string>();
}
