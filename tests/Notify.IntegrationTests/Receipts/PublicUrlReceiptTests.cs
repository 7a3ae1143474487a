using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notify.Configuration;
using Notify.IntegrationTests.Support;
using Notify.Receipts;

namespace Notify.IntegrationTests.Receipts;

/// <summary>Behind a proxy or a custom domain Twilio signs the public URL it called, not the address the request reached.</summary>
[Collection(AppCollection.Name)]
public sealed class PublicUrlReceiptTests(NotifyApp app)
{
    private const string PublicBaseUrl = "https://notify.example.com";

    [Fact]
    public async Task Receipt_signed_over_the_public_url_is_applied_and_one_signed_over_the_local_address_is_refused()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, OrderSteps.NewEmail()));
        var sid = (await merchant.ConfirmationAsync(orderId, "sent"))["attempts"]![0]!["providerId"]!.GetValue<string>();
        // The app as deployed behind a front door: its public URL is not the address requests arrive at.
        var receipts = ActivatorUtilities.CreateInstance<ReceiptService>(app.Services, Options.Create(new NotifyOptions { PublicBaseUrl = PublicBaseUrl + "/" }));
        var attempt = $"{merchant.Id}.{orderId}.1";
        var path = $"/api/receipts/twilio?attempt={Uri.EscapeDataString(attempt)}";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["MessageStatus"] = "delivered", ["SmsStatus"] = "delivered",
            ["AccountSid"] = "AC00000000000000000000000000000000", ["ApiVersion"] = "2010-04-01",
        };

        var local = await receipts.ApplyAsync(
            new TwilioReceipt(path, attempt, form, TwilioSignature.Sign(NotifyApp.TwilioAuthToken, app.BaseAddress.ToString().TrimEnd('/') + path, form)), CancellationToken.None);
        Assert.Equal(401, local.Problem?.Status);
        Assert.Equal("sent", (await merchant.ReadAsync(orderId))["confirmation"]!["status"]!.GetValue<string>());

        var proxied = await receipts.ApplyAsync(
            new TwilioReceipt(path, attempt, form, TwilioSignature.Sign(NotifyApp.TwilioAuthToken, PublicBaseUrl + path, form)), CancellationToken.None);
        Assert.Null(proxied.Problem);
        Assert.True(proxied.Value);
        Assert.Equal("sms", (await merchant.ConfirmationAsync(orderId, "confirmed"))["confirmedBy"]!.GetValue<string>());
    }
}
