using Notify.Channels.Kakao;

namespace Notify.Core.Tests.Channels.Kakao;

public sealed class KakaoCodesTests
{
    [Theory]
    [InlineData("1043", KakaoCodeKind.Recipient)]
    [InlineData("1060", KakaoCodeKind.Recipient)]
    [InlineData("1042", KakaoCodeKind.Merchant)]
    [InlineData("3106", KakaoCodeKind.Merchant)]
    [InlineData("1030", KakaoCodeKind.Provider)]
    [InlineData("1020", KakaoCodeKind.Provider)]
    [InlineData("", KakaoCodeKind.Provider)]
    public void Codes_are_read_as_the_docs_describe_them(string code, KakaoCodeKind kind)
    {
        Assert.Equal(kind, KakaoCodes.Kind(code));
        Assert.Equal(kind is KakaoCodeKind.Recipient or KakaoCodeKind.Merchant, KakaoCodes.IsRecipientProblem(code));
    }

    [Theory]
    [InlineData("+821012345678", "01012345678")]
    [InlineData("+82111234567", "0111234567")]
    [InlineData("+8221234567", null)]
    [InlineData("+14155550100", null)]
    [InlineData("01012345678", null)]
    [InlineData(null, null)]
    public void Korean_mobiles_are_sent_in_national_form(string? e164, string? national)
    {
        Assert.Equal(national, KakaoPhone.National(e164));
    }

    [Fact]
    public void Signature_header_has_solapis_shape_and_a_fresh_salt_each_time()
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 30, 5, TimeSpan.FromHours(9));

        var first = SolapiSignature.Header("NCSKEY", "secret", at);
        var second = SolapiSignature.Header("NCSKEY", "secret", at);

        Assert.Matches("^HMAC-SHA256 apiKey=NCSKEY, date=2026-12-01T00:30:05Z, salt=[0-9a-zA-Z]{32}, signature=[0-9a-f]{64}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Signature_is_the_hex_hmac_sha256_of_date_and_salt()
    {
        // HMAC-SHA256("secret", "2026-12-01T00:30:05Zsaltsaltsalt1"), computed independently with openssl.
        var header = SolapiSignature.Header("NCSKEY", "secret", new DateTimeOffset(2026, 12, 1, 0, 30, 5, TimeSpan.Zero), "saltsaltsalt1");

        Assert.EndsWith("signature=" + Expected, header);
    }

    private const string Expected = "d5a4e9b22feb043c2dea73d594678335eef9254b07b7087c69c280b3a3749b43";
}
