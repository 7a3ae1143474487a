using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Channels;

/// <summary>"kakao" is a channel name a chain may hold; a merchant without Kakao settings never has it planned.</summary>
[Collection(AppCollection.Name)]
public sealed class KakaoChainTests(NotifyApp app)
{
    [Fact]
    public async Task Merchant_without_kakao_settings_is_confirmed_by_sms_with_no_kakao_in_its_plan()
    {
        var merchant = await MerchantClient.CreateAsync(
            app, new { name = "쑥떡집", channels = new[] { "kakao", "sms", "email" }, alertContact = new { email = "owner@example.com" } });
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");

        Assert.Equal(["sms", "email"], confirmation["chain"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal([("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Empty(await app.Kakao.MessagesToAsync(phone));
        Assert.Equal(0, await app.Kakao.RefusedAsync(phone));
    }
}
