using Azure;
using Azure.Data.Tables;
using Notify.IntegrationTests.Support;
using Notify.Storage;

namespace Notify.IntegrationTests.Channels;

/// <summary>"kakao" is a channel name a chain may hold; a merchant without Kakao settings never has it planned.</summary>
[Collection(AppCollection.Name)]
public sealed class KakaoChainTests(NotifyApp app)
{
    [Fact]
    public async Task Merchant_without_kakao_settings_is_confirmed_by_sms_with_no_kakao_in_its_plan()
    {
        // Creation and changes now refuse such a chain (422); a merchant stored before they did can still hold one.
        var merchant = await MerchantClient.CreateAsync(
            app, new { name = "쑥떡집", channels = new[] { "sms", "email" }, alertContact = new { email = "owner@example.com" } });
        await app.Storage.Table(StorageNames.MerchantsTable).UpdateEntityAsync(
            new TableEntity(merchant.Id, "profile") { ["Channels"] = "kakao,sms,email" }, ETag.All, TableUpdateMode.Merge);
        string phone = OrderSteps.NewPhone(), email = OrderSteps.NewEmail();
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, email));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");

        Assert.Equal(["sms", "email"], confirmation["chain"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal([("sms", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Empty(await app.Kakao.MessagesToAsync(phone));
        Assert.Equal(0, await app.Kakao.RefusedAsync(phone));
    }
}
