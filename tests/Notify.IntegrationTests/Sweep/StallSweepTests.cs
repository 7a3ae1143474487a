using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.IntegrationTests.Support;
using Notify.Sweep;
using Notify.Deadlines;
using Notify.Intake;

namespace Notify.IntegrationTests.Sweep;

/// <summary>Deliveries that stall are found by the sweep and moved on, once, on a fake clock.</summary>
[Collection(SweepCollection.Name)]
public sealed class StallSweepTests(SweepApp app)
{
    private StallSweep Sweep => app.Services.GetRequiredService<StallSweep>();

    [Fact]
    public async Task Sms_accepted_but_never_delivered_is_confirmed_by_email_after_the_deadline()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        var customers = Enumerable.Range(0, 3).Select(_ => (Phone: OrderSteps.NewPhone(), Email: OrderSteps.NewEmail())).ToList();
        foreach (var c in customers)
        {
            await app.Sandbox.SetModeAsync("silent", c.Phone);
        }
        var orders = new List<string>();
        foreach (var c in customers)
        {
            orders.Add(await merchant.PostOrderAsync(OrderSteps.ForCustomer(c.Phone, c.Email)));
        }
        foreach (var orderId in orders)
        {
            await merchant.ConfirmationAsync(orderId, "sent");
        }

        var early = await Sweep.RunAsync(CancellationToken.None);
        app.Advance(SweepApp.SmsReceiptTimeout + TimeSpan.FromSeconds(1));
        var due = await Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, early.Rerouted);
        Assert.Equal(3, due.Rerouted);
        foreach (var (orderId, c) in orders.Zip(customers))
        {
            var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
            Assert.Equal([("sms", "timed-out"), ("email", "delivered")], OrderSteps.Attempts(confirmation));
            Assert.Single(await app.Sandbox.MessagesToAsync(c.Phone));
            Assert.Single(await app.Mailbox.ArrivedAsync(c.Email));
        }
    }

    [Fact]
    public async Task Two_sweeps_at_once_reroute_a_stalled_delivery_once()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));
        await merchant.ConfirmationAsync(orderId, "sent");

        app.Advance(SweepApp.SmsReceiptTimeout + TimeSpan.FromSeconds(1));
        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Sweep.RunAsync(CancellationToken.None)));

        Assert.Equal(1, reports.Sum(r => r.Rerouted));
        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal(2, OrderSteps.Attempts(confirmation).Count);
        Assert.Single(await app.Mailbox.ArrivedAsync(email));
    }

    [Fact]
    public async Task Late_delivered_receipt_after_a_reroute_is_recorded_and_sends_nothing_more()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));
        var sent = await merchant.ConfirmationAsync(orderId, "sent");
        var sid = sent["attempts"]![0]!["providerId"]!.GetValue<string>();
        app.Advance(SweepApp.SmsReceiptTimeout + TimeSpan.FromSeconds(1));
        await Sweep.RunAsync(CancellationToken.None);
        await merchant.ConfirmationAsync(orderId, "confirmed");

        using var late = await TwilioSignature.PostReceiptAsync(app, $"{merchant.Id}.{orderId}.1", "delivered", sid, NotifyApp.TwilioAuthToken);

        Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        var confirmation = (await merchant.ReadAsync(orderId))["confirmation"]!;
        Assert.Equal("email", confirmation["confirmedBy"]!.GetValue<string>());
        Assert.Equal("delivered", confirmation["attempts"]![0]!["receipt"]!.GetValue<string>());
        Assert.Equal(2, confirmation["attempts"]!.AsArray().Count);
        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
        Assert.Single(await app.Mailbox.ArrivedAsync(email));
    }

    [Fact]
    public async Task Order_stored_but_never_enqueued_is_fanned_out_by_the_sweep()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        // What intake does, up to a crash just before the enqueue.
        var orderId = await CrashAfterStoreAsync(merchant.Id, OrderSteps.ForCustomer(phone, null));
        Assert.Equal("pending", (await merchant.ReadAsync(orderId))["confirmation"]!["status"]!.GetValue<string>());

        var early = await Sweep.RunAsync(CancellationToken.None);
        app.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var due = await Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, early.FannedOut);
        Assert.Equal(1, due.FannedOut);
        Assert.Equal("sms", (await merchant.ConfirmationAsync(orderId, "confirmed"))["confirmedBy"]!.GetValue<string>());
        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
    }

    [Fact]
    public async Task First_send_intake_could_not_enqueue_is_sent_on_its_channel_by_the_sweep()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        var orderId = await AcceptWithoutQueuesAsync(merchant, OrderSteps.ForCustomer(phone, OrderSteps.NewEmail()));

        var early = await Sweep.RunAsync(CancellationToken.None);
        app.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var due = await Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, early.FannedOut);
        Assert.Equal(1, due.FannedOut);
        Assert.Equal(0, due.Rerouted);
        // Sent on the channel it was planned for, as attempt 1: the provider never saw it, so nothing counted against SMS.
        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
        var health = await app.Services.GetRequiredService<Notify.Channels.Health.ChannelHealth>().ReadAsync(CancellationToken.None, fresh: true);
        Assert.Equal(0, health.GetValueOrDefault("sms")?.WindowFailures ?? 0);
    }

    [Fact]
    public async Task Exhausted_delivery_alerts_the_merchant_once()
    {
        var ownerEmail = OrderSteps.NewEmail();
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app, new { name = "알림가게", alertContact = new { email = ownerEmail } });
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("fail", phone, status: 400, code: 21211);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));

        await merchant.ConfirmationAsync(orderId, "exhausted");
        // `sent` is recorded after the mail goes: until then the alert is claimed, and a sweep past its claim takes it again.
        await Eventually.MatchAsync(() => merchant.ReadAsync(orderId), o => o["confirmation"]!["merchantAlert"]?.GetValue<string>() == "sent",
            what: "the merchant alert to be recorded as sent");
        var alert = await app.Mailbox.ArrivedAsync(ownerEmail);
        app.Advance(TimeSpan.FromMinutes(5));
        var sweeps = new[] { await Sweep.RunAsync(CancellationToken.None), await Sweep.RunAsync(CancellationToken.None) };

        Assert.All(sweeps, s => Assert.Equal(0, s.Alerted));
        Assert.Single(await app.Mailbox.MailsToAsync(ownerEmail));
        Assert.Contains(phone, alert[0]["text"]!.GetValue<string>());
    }

    // The app's intake, with a queue service nothing listens on (port 9, discard): the order is stored, its enqueue fails.
    private async Task<string> AcceptWithoutQueuesAsync(MerchantClient merchant, JsonObject posted)
    {
        var deadQueues = new Azure.Storage.Queues.QueueServiceClient(new Uri("http://127.0.0.1:9/devstoreaccount1"),
            new Azure.Storage.Queues.QueueClientOptions { Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(1) }, MessageEncoding = Notify.Storage.StorageNames.QueueEncoding });
        var storage = new Notify.Storage.StorageClients(app.Storage.Tables, deadQueues);
        var intake = ActivatorUtilities.CreateInstance<IntakeService>(app.Services, new Notify.Storage.MerchantData(storage), new Notify.Storage.QueueSender(storage));
        var body = System.Text.Encoding.UTF8.GetBytes(posted.ToJsonString());
        var now = app.Clock.GetUtcNow();
        var webhookId = "msg_noqueue_" + Guid.NewGuid().ToString("N");
        var signature = Notify.Signing.StandardWebhook.Sign(merchant.WebhookSecret, webhookId, now.ToUnixTimeSeconds(), body);
        var result = await intake.AcceptAsync(
            new SignedOrder(merchant.Id, webhookId, now.ToUnixTimeSeconds().ToString(), signature, "application/json", new MemoryStream(body)),
            CancellationToken.None);
        return result.Value!.OrderId;
    }

    private async Task<string> CrashAfterStoreAsync(string merchantId, JsonObject posted)
    {
        var order = Notify.Intake.OrderValidator.Validate(
            System.Text.Json.JsonSerializer.Deserialize<Notify.Intake.OrderSubmission>(posted.ToJsonString(), Notify.Common.Json.Options)!,
            "KR", app.Clock.GetUtcNow()).Value!;
        var now = app.Clock.GetUtcNow();
        var orderId = Notify.Common.Ids.NewTimeOrdered(now);
        var due = now + TimeSpan.FromMinutes(1);
        await app.Services.GetRequiredService<DeadlineIndex>().ScheduleAsync(Notify.Deadlines.DeadlineKeys.FanOut, merchantId, orderId, due, CancellationToken.None);
        await app.Storage.Table(Notify.Storage.StorageNames.MerchantDataTable).SubmitTransactionAsync(
            Notify.Intake.NewOrderRows.For(merchantId, orderId, "msg_crash_" + orderId, Notify.Intake.NewOrderRows.ContentHash(order), order, now, due));
        return orderId;
    }
}
