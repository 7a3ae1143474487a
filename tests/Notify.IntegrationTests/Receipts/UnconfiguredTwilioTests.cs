using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Notify.IntegrationTests.Support;
using Notify.Receipts;

namespace Notify.IntegrationTests.Receipts;

/// <summary>
/// In Azure, a Twilio auth token never stored in Key Vault stays the literal reference text, which anyone can derive
/// from the app's public name: the app must refuse every receipt rather than check signatures with it.
/// </summary>
[Collection(UnconfiguredTwilioCollection.Name)]
public sealed class UnconfiguredTwilioTests(UnconfiguredTwilioApp app)
{
    [Fact]
    public async Task Receipt_signed_with_the_unresolved_reference_is_503_and_changes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var phone = OrderSteps.NewPhone();
        await app.Sandbox.SetModeAsync("silent", phone);
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null));
        var before = await merchant.ConfirmationAsync(orderId, "sent");

        using var response = await TwilioSignature.PostReceiptAsync(app, $"{merchant.Id}.{orderId}.1", "delivered", "SMforged", UnconfiguredTwilioApp.Unresolved);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(before.ToJsonString(), (await merchant.ReadAsync(orderId))["confirmation"]!.ToJsonString());
    }

    [Fact]
    public void Receipts_report_themselves_not_configured()
    {
        Assert.False(app.Services.GetRequiredService<ReceiptService>().TwilioReceiptsConfigured);
    }
}

/// <summary>The app with <c>Twilio:AuthToken</c> left as an unresolved Key Vault reference.</summary>
public sealed class UnconfiguredTwilioApp : NotifyApp
{
    /// <summary>What App Service leaves in the setting when the secret was never stored.</summary>
    public const string Unresolved = "@Microsoft.KeyVault(SecretUri=https://kvnotifyabc.vault.azure.net/secrets/twilio-auth-token/)";

    /// <inheritdoc />
    protected override IEnumerable<string> Settings => [$"--Twilio:AuthToken={Unresolved}"];
}

/// <summary>Tests on the app without a Twilio auth token.</summary>
[CollectionDefinition(Name)]
public sealed class UnconfiguredTwilioCollection : ICollectionFixture<UnconfiguredTwilioApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "unconfigured-twilio";
}
