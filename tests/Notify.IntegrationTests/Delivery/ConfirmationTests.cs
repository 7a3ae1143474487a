using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Delivery;

/// <summary>An accepted order reaches its customer over the first channel that works.</summary>
[Collection(AppCollection.Name)]
public sealed class ConfirmationTests(NotifyApp app)
{
    [Fact]
    public async Task Order_is_confirmed_by_one_sms_and_its_delivery_receipt()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");

        Assert.Equal("sms", confirmation["confirmedBy"]!.GetValue<string>());
        Assert.Equal(["sms", "email"], confirmation["chain"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal([("sms", "delivered")], OrderSteps.Attempts(confirmation));
        var sms = Assert.Single(await app.Sandbox.MessagesToAsync(phone));
        Assert.StartsWith("SM", confirmation["attempts"]![0]!["providerId"]!.GetValue<string>());
        Assert.Contains("A-", sms["body"]!.GetValue<string>());
        Assert.Empty(await app.Mailbox.MailsToAsync(email));
    }

    [Fact]
    public async Task Sms_provider_failing_with_503_is_confirmed_by_email()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Sandbox.SetModeAsync("fail", phone, status: 503);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");

        Assert.Equal("email", confirmation["confirmedBy"]!.GetValue<string>());
        Assert.Equal([("sms", "failed"), ("email", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Empty(await app.Sandbox.MessagesToAsync(phone));
        var mail = Assert.Single(await app.Mailbox.ArrivedAsync(email));
        Assert.Contains("쑥떡", mail["subject"]!.GetValue<string>() + mail["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Undelivered_receipt_moves_the_confirmation_to_email()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Sandbox.SetModeAsync("undelivered", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");

        Assert.Equal([("sms", "failed"), ("email", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Equal("undelivered", confirmation["attempts"]![0]!["receipt"]!.GetValue<string>());
        Assert.Single(await app.Sandbox.MessagesToAsync(phone));
    }

    [Fact]
    public async Task Customer_without_a_phone_is_confirmed_by_email_first()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var email = OrderSteps.NewEmail();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(null, email));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");

        Assert.Equal(["email"], confirmation["chain"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal([("email", "delivered")], OrderSteps.Attempts(confirmation));
    }

    [Fact]
    public async Task Every_channel_failing_ends_exhausted()
    {
        // Nothing listens on port 9 (discard) on loopback, so the merchant's webhook fails too.
        var merchant = await MerchantClient.CreateAsync(app, new { name = "웹훅가게", webhookUrl = "http://127.0.0.1:9/hooks" });
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("fail", phone, status: 400, code: 21211);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));

        var confirmation = await merchant.ConfirmationAsync(orderId, "exhausted");

        Assert.Equal([("sms", "failed"), ("webhook", "failed")], OrderSteps.Attempts(confirmation));
        Assert.Null(confirmation["confirmedBy"]);
    }

    [Fact]
    public async Task Merchant_webhook_confirms_when_sms_fails_and_there_is_no_email()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await MerchantClient.CreateAsync(app, new { name = "웹훅가게", webhookUrl = receiver.Url });
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("fail", phone, status: 400, code: 21211);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");

        Assert.Equal("webhook", confirmation["confirmedBy"]!.GetValue<string>());
        var hook = Assert.Single(receiver.Received);
        Assert.Equal(Notify.Signing.WebhookVerdict.Valid, Notify.Signing.StandardWebhook.Verify(
            merchant.WebhookSecret, hook.Id, hook.Timestamp, hook.Signature, hook.Body, DateTimeOffset.UtcNow));
        Assert.Contains(orderId, System.Text.Encoding.UTF8.GetString(hook.Body));
    }
}
