using Notify.Configuration;

namespace Notify.Core.Tests.Configuration;

public sealed class SecretSettingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kvnotifyabc.vault.azure.net/secrets/twilio-auth-token/)")]
    [InlineData(" @microsoft.keyvault(VaultName=kvnotifyabc;SecretName=twilio-auth-token)")]
    public void Empty_or_unresolved_reference_is_not_usable(string? value)
    {
        Assert.False(SecretSetting.IsUsable(value));
    }

    [Fact]
    public void A_real_token_is_usable()
    {
        Assert.True(SecretSetting.IsUsable("0123456789abcdef0123456789abcdef"));
    }
}
