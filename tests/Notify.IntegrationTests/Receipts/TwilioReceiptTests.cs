using System.Net;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Receipts;

/// <summary>Only Twilio, signing with the auth token over the public URL, can move a delivery.</summary>
[Collection(AppCollection.Name)]
public sealed class TwilioReceiptTests(NotifyApp app)
{
    [Fact]
    public async Task Forged_receipt_is_401_and_changes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, OrderSteps.NewEmail()));
        var before = await merchant.ConfirmationAsync(orderId, "sent");

        using var forged = await TwilioSignature.PostReceiptAsync(app, $"{merchant.Id}.{orderId}.1", "undelivered", "SMforged", "not-the-auth-token");

        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized);
        Assert.Equal(before.ToJsonString(), (await merchant.ReadAsync(orderId))["confirmation"]!.ToJsonString());
    }

    [Fact]
    public async Task Unsigned_receipt_is_401()
    {
        using var response = await app.Http.PostAsync("/api/receipts/twilio?attempt=m_0000000000000000.x.1",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["MessageStatus"] = "delivered" }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Receipt_signed_for_another_url_is_401()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));
        await merchant.ConfirmationAsync(orderId, "sent");

        // Signed for attempt 2, posted for attempt 1: the query is part of what Twilio signs.
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "delivered" };
        var signature = TwilioSignature.Sign(NotifyApp.TwilioAuthToken, $"{app.BaseAddress.ToString().TrimEnd('/')}/api/receipts/twilio?attempt={merchant.Id}.{orderId}.2", form);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/receipts/twilio?attempt={merchant.Id}.{orderId}.1") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("sent", (await merchant.ReadAsync(orderId))["confirmation"]!["status"]!.GetValue<string>());
    }
}
