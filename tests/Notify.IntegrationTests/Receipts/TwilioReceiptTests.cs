using System.Net;
using System.Text;
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

    [Fact]
    public async Task Receipt_with_an_empty_signature_header_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/receipts/twilio?attempt=m_0000000000000000.x.1")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["MessageStatus"] = "delivered" }),
        };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", "");
        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Receipt_with_more_fields_than_a_callback_has_is_400()
    {
        var fields = Enumerable.Range(0, 1100).Select(i => KeyValuePair.Create($"f{i}", "x"));
        using var response = await PostWithSignatureAsync(new FormUrlEncodedContent(fields));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Receipt_that_is_not_urlencoded_is_415()
    {
        using var multipart = new MultipartFormDataContent { { new StringContent("delivered"), "MessageStatus" } };
        using var response = await PostWithSignatureAsync(multipart);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Receipt_over_16_KiB_is_413()
    {
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes("MessageStatus=delivered&Padding=" + new string('a', 17 * 1024)));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await PostWithSignatureAsync(body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Receipt_for_an_attempt_on_another_channel_changes_nothing()
    {
        // Only the merchant's webhook, which nothing answers: the order is exhausted with one webhook attempt.
        var merchant = await MerchantClient.CreateAsync(app, new { name = "웹훅가게", webhookUrl = "http://127.0.0.1:9/hooks", channels = new[] { "webhook" } });
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(null, OrderSteps.NewEmail()));
        await merchant.ConfirmationAsync(orderId, "exhausted");
        // The merchant alert moves on in the background after exhaustion: compare from where it settles.
        var before = (await Eventually.MatchAsync(() => merchant.ReadAsync(orderId),
            o => o["confirmation"]!["merchantAlert"]?.GetValue<string>() is "sent" or "undeliverable", what: "the merchant alert to settle"))["confirmation"]!;

        using var response = await TwilioSignature.PostReceiptAsync(app, $"{merchant.Id}.{orderId}.1", "delivered", "SM00000000000000000000000000000000", NotifyApp.TwilioAuthToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before.ToJsonString(), (await merchant.ReadAsync(orderId))["confirmation"]!.ToJsonString());
    }

    [Fact]
    public async Task Receipt_for_another_message_sid_changes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));
        var sent = await merchant.ConfirmationAsync(orderId, "sent");
        var sid = sent["attempts"]![0]!["providerId"]!.GetValue<string>();
        var attempt = $"{merchant.Id}.{orderId}.1";

        using (var other = await TwilioSignature.PostReceiptAsync(app, attempt, "delivered", "SM" + new string('0', 32), NotifyApp.TwilioAuthToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
        }
        Assert.Equal(sent.ToJsonString(), (await merchant.ReadAsync(orderId))["confirmation"]!.ToJsonString());

        using (var own = await TwilioSignature.PostReceiptAsync(app, attempt, "delivered", sid, NotifyApp.TwilioAuthToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        }
        Assert.Equal("confirmed", (await merchant.ReadAsync(orderId))["confirmation"]!["status"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PostWithSignatureAsync(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/receipts/twilio?attempt=m_0000000000000000.x.1") { Content = content };
        request.Headers.Add("X-Twilio-Signature", "c2lnbmF0dXJl");
        return app.Http.SendAsync(request);
    }

    [Fact]
    public async Task Intermediate_status_is_recorded_only_when_it_carries_an_error_code()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));
        var sid = (await merchant.ConfirmationAsync(orderId, "sent"))["attempts"]![0]!["providerId"]!.GetValue<string>();

        using var plain = await PostSignedAsync(merchant.Id, orderId, new() { ["MessageSid"] = sid, ["MessageStatus"] = "sent" });
        var afterPlain = (await merchant.ReadAsync(orderId))["confirmation"]!["attempts"]![0]!;
        using var warned = await PostSignedAsync(merchant.Id, orderId, new() { ["MessageSid"] = sid, ["MessageStatus"] = "sent", ["ErrorCode"] = "30007" });
        var afterWarned = (await merchant.ReadAsync(orderId))["confirmation"]!["attempts"]![0]!;

        Assert.Equal(HttpStatusCode.NoContent, plain.StatusCode);
        Assert.Null(afterPlain["receipt"]);
        Assert.Equal(HttpStatusCode.NoContent, warned.StatusCode);
        Assert.Equal("sent", afterWarned["receipt"]!.GetValue<string>());
        Assert.Equal("accepted", afterWarned["status"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string merchantId, string orderId, Dictionary<string, string> form)
    {
        var path = $"/api/receipts/twilio?attempt={merchantId}.{orderId}.1";
        var signature = TwilioSignature.Sign(NotifyApp.TwilioAuthToken, $"{app.BaseAddress.ToString().TrimEnd('/')}{path}", form);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await app.Http.SendAsync(request);
    }
}
