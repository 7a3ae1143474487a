using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.IntegrationTests.Support;
using Notify.Sweep;

namespace Notify.IntegrationTests.Channels;

/// <summary>
/// A Kakao-first merchant over the SOLAPI and Twilio sandboxes: AlimTalk results are polled by the sweep on a fake
/// clock, and whatever KakaoTalk cannot do, SMS does.
/// </summary>
[Collection(KakaoCollection.Name)]
public sealed class KakaoDeliveryTests(SweepApp app)
{
    private StallSweep Sweep => app.Services.GetRequiredService<StallSweep>();

    [Fact]
    public async Task Kr_merchant_with_kakao_settings_starts_its_chain_with_kakao()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants")
        {
            Content = JsonContent.Create(new { name = "쑥떡집", region = "KR", kakao = new { pfId = "KA01PF0001", templateId = "KA01TP0001" } }),
        };
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await app.Http.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["kakao", "sms", "email", "webhook"], created!["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Malformed_kakao_settings_at_creation_are_a_422()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants")
        {
            Content = JsonContent.Create(new { name = "쑥떡집", region = "KR", kakao = new { pfId = "KA01 PF!", templateId = "KA01TP0001" } }),
        };
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Delivered_alimtalk_confirms_the_order_by_kakao_at_the_next_poll()
    {
        await app.FreshStartAsync();
        var merchant = await KakaoMerchantAsync();
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        await merchant.ConfirmationAsync(orderId, "sent");
        var message = Assert.Single(await app.Kakao.WaitForAsync(phone, "delivered"));
        Assert.True(message["disableSms"]!.GetValue<bool>());
        Assert.Equal(new Notify.Channels.AttemptKey(merchant.Id, orderId, 1).ToString(), message["customFields"]!["attempt"]!.GetValue<string>());
        var early = await Sweep.RunAsync(CancellationToken.None);
        app.Advance(SweepApp.KakaoPollInterval + TimeSpan.FromSeconds(1));
        var report = await Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(0, early.Polled);
        Assert.Equal(1, report.Polled);
        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal("kakao", confirmation["confirmedBy"]!.GetValue<string>());
        Assert.Equal([("kakao", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Empty(await app.Sandbox.MessagesToAsync(phone));
    }

    [Fact]
    public async Task Solapi_5xx_moves_to_sms_at_once()
    {
        await app.FreshStartAsync();
        var merchant = await KakaoMerchantAsync();
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Kakao.SetModeAsync("fail", phone, status: 500);

        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("kakao", "failed"), ("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Equal(1, await app.Kakao.RefusedAsync(phone));
        Assert.Contains("500", (await KakaoHealthAsync())["lastError"]!.GetValue<string>());
    }

    [Fact]
    public async Task Not_a_kakaotalk_user_moves_to_sms_and_leaves_kakao_health_alone()
    {
        await app.FreshStartAsync();
        var merchant = await KakaoMerchantAsync();
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Kakao.SetModeAsync("not-kakao-user", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));
        await merchant.ConfirmationAsync(orderId, "sent");
        await app.Kakao.WaitForAsync(phone, "failed");

        app.Advance(SweepApp.KakaoPollInterval + TimeSpan.FromSeconds(1));
        await Sweep.RunAsync(CancellationToken.None);

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("kakao", "failed"), ("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Contains("3104", confirmation["attempts"]![0]!["error"]!.ToJsonString());
        var kakao = await KakaoHealthAsync();
        Assert.Equal("up", kakao["state"]!.GetValue<string>());
        Assert.Null(kakao["lastError"]);
    }

    [Fact]
    public async Task Silent_kakao_is_rerouted_to_sms_after_its_deadline_by_one_sweep()
    {
        await app.FreshStartAsync();
        var merchant = await KakaoMerchantAsync();
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Kakao.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));
        await merchant.ConfirmationAsync(orderId, "sent");
        await app.Kakao.WaitForAsync(phone, "accepted");

        // Polled while waiting: still pending, so it waits on.
        app.Advance(SweepApp.KakaoPollInterval + TimeSpan.FromSeconds(1));
        await Sweep.RunAsync(CancellationToken.None);
        Assert.Equal("sent", (await merchant.ReadAsync(orderId))["confirmation"]!["status"]!.GetValue<string>());

        app.Advance(SweepApp.KakaoReceiptTimeout);
        var report = await Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Rerouted);
        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("kakao", "timed-out"), ("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Single(await app.Kakao.MessagesToAsync(phone));
    }

    [Fact]
    public async Task Timed_out_send_is_looked_up_by_attempt_key_never_sent_again_and_rerouted_at_its_deadline()
    {
        await app.FreshStartAsync();
        var merchant = await KakaoMerchantAsync();
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        await app.Kakao.SetModeAsync("hang", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        var waiting = await merchant.ConfirmationAsync(orderId, "sent");
        Assert.Equal([("kakao", "unknown")], OrderSteps.Attempts(waiting));
        // Polled while waiting: SOLAPI lists no message with this attempt key, so it waits on, and sends nothing.
        app.Advance(SweepApp.KakaoPollInterval + TimeSpan.FromSeconds(1));
        var polled = await Sweep.RunAsync(CancellationToken.None);
        Assert.Equal(0, polled.Polled);
        Assert.Equal("sent", (await merchant.ReadAsync(orderId))["confirmation"]!["status"]!.GetValue<string>());

        app.Advance(SweepApp.KakaoReceiptTimeout);
        await Sweep.RunAsync(CancellationToken.None);

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("kakao", "timed-out"), ("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Equal(1, await app.Kakao.RefusedAsync(phone));
    }

    [Fact]
    public async Task Kakao_down_for_everyone_is_skipped_probed_back_and_leaves_one_outage()
    {
        await app.FreshStartAsync();
        var merchant = await KakaoMerchantAsync();
        await app.Kakao.SetModeAsync("fail", status: 500);
        for (var i = 0; i < SweepApp.FailureThreshold; i++)
        {
            var failing = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));
            Assert.Equal([("kakao", "failed"), ("sms", "delivered")], OrderSteps.Attempts(await merchant.ConfirmationAsync(failing, "confirmed")));
        }
        Assert.Equal("down", (await KakaoHealthAsync())["state"]!.GetValue<string>());

        // Down: the next order goes straight to SMS and SOLAPI never hears of it.
        var skippedPhone = OrderSteps.NewPhone();
        var skipped = await merchant.PostOrderAsync(OrderSteps.ForCustomer(skippedPhone, OrderSteps.NewEmail()));
        Assert.Equal([("sms", "delivered")], OrderSteps.Attempts(await merchant.ConfirmationAsync(skipped, "confirmed")));
        Assert.Equal(0, await app.Kakao.RefusedAsync(skippedPhone));
        Assert.Empty(await app.Kakao.MessagesToAsync(skippedPhone));

        // SOLAPI recovers; after the cool-down a probe delivery tries KakaoTalk again, and its result brings it back.
        await app.Kakao.SetModeAsync("normal");
        app.Advance(SweepApp.Cooldown + TimeSpan.FromSeconds(1));
        var probePhone = OrderSteps.NewPhone();
        var probe = await merchant.PostOrderAsync(OrderSteps.ForCustomer(probePhone, OrderSteps.NewEmail()));
        await merchant.ConfirmationAsync(probe, "sent");
        await app.Kakao.WaitForAsync(probePhone, "delivered");
        app.Advance(SweepApp.KakaoPollInterval + TimeSpan.FromSeconds(1));
        await Sweep.RunAsync(CancellationToken.None);
        Assert.Equal("kakao", (await merchant.ConfirmationAsync(probe, "confirmed"))["confirmedBy"]!.GetValue<string>());

        var after = await Eventually.MatchAsync(KakaoHealthAsync, c => c["state"]!.GetValue<string>() == "up", what: "kakao to be up again");
        Assert.Null(after["currentOutage"]);
        var outage = Assert.Single(after["outages"]!.AsArray())!;
        Assert.NotNull(outage["end"]);
        Assert.Equal(SweepApp.FailureThreshold + 1, outage["affected"]!.GetValue<int>());
        Assert.True(outage["confirmedInstead"]!["sms"]!.GetValue<int>() >= 2, outage.ToJsonString());
    }

    private async Task<MerchantClient> KakaoMerchantAsync() => await MerchantClient.CreateAsync(app, new
    {
        name = "쑥떡집",
        region = "KR",
        kakao = new { pfId = "KA01PF" + Guid.NewGuid().ToString("N")[..12], templateId = "KA01TP0001" },
        alertContact = new { email = "owner@example.com" },
    });

    private async Task<JsonObject> KakaoHealthAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/channels");
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await app.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["channels"]!.AsArray().Single(c => c!["channel"]!.GetValue<string>() == "kakao")!.AsObject();
    }
}
