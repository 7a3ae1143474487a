using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Notify.Configuration;
using Notify.Merchants;

namespace Notify.Core.Tests.Merchants;

public sealed class SecretBoxTests
{
    private const string Merchant = "m_0123456789abcdef";

    private static SecretBox Box(string? key = null) =>
        new(Options.Create(new NotifyOptions { SecretKey = key ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));

    [Fact]
    public void A_sealed_secret_opens_to_itself_and_does_not_contain_it()
    {
        var box = Box();
        var secret = Notify.Signing.StandardWebhook.NewSecret();

        var sealedSecret = box.Seal(Merchant, secret);

        Assert.DoesNotContain(secret["whsec_".Length..], sealedSecret);
        Assert.Equal(secret, box.Open(Merchant, sealedSecret));
        Assert.NotEqual(sealedSecret, box.Seal(Merchant, secret));
    }

    [Fact]
    public void A_sealed_secret_does_not_open_for_another_merchant_another_key_or_after_tampering()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var sealedSecret = Box(key).Seal(Merchant, "whsec_c2VjcmV0");
        var tampered = sealedSecret[..^4] + (sealedSecret[^4] == 'A' ? "B" : "A") + sealedSecret[^3..];

        Assert.ThrowsAny<CryptographicException>(() => Box(key).Open("m_fedcba9876543210", sealedSecret));
        Assert.ThrowsAny<CryptographicException>(() => Box().Open(Merchant, sealedSecret));
        Assert.ThrowsAny<CryptographicException>(() => Box(key).Open(Merchant, tampered));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void A_missing_or_short_key_is_refused(string key)
    {
        Assert.Throws<InvalidOperationException>(() => Box(key));
    }
}
