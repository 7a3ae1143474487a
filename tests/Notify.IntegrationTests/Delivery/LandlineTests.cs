using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Delivery;

/// <summary>Numbers that cannot take SMS (landlines, premium, free phone) skip SMS and go straight to the next channel.</summary>
[Collection(AppCollection.Name)]
public sealed class LandlineTests(NotifyApp app)
{
    [Theory]
    [InlineData("02-312-3456", "+8223123456")]
    [InlineData("060-700-1234", "+82607001234")]
    [InlineData("080-123-4567", "+82801234567")]
    public async Task A_number_that_cannot_take_sms_is_confirmed_by_email_and_twilio_never_hears_of_it(string phone, string e164)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = OrderSteps.ForCustomer(phone, OrderSteps.NewEmail());

        var orderId = await merchant.PostOrderAsync(order);

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal([("email", "delivered")], OrderSteps.Attempts(confirmation));
        Assert.Empty(await app.Sandbox.MessagesToAsync(e164));
        Assert.Equal(e164, (await merchant.ReadAsync(orderId))["customer"]!["phone"]!.GetValue<string>());
    }
}
