using System.Text;
using Notify.Signing;

namespace Notify.Core.Tests.Signing;

/// <summary>The signature covers the timestamp header exactly as sent, so no other spelling of the same time passes.</summary>
public sealed class TimestampTextTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_1";
    private const long Seconds = 1614265330;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{}");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(Seconds);

    public static TheoryData<string> OtherSpellings =>
    [
        "+1614265330", " 1614265330", "1614265330 ", "\t1614265330", "1614265330\n", "1,614,265,330",
        "1614265330.0", "1.61426533e9", "0x6037A4F2", "1614265330\0", "１６１４２６５３３０", "-0", "+0",
    ];

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void Another_spelling_of_a_signed_timestamp_is_refused(string header)
    {
        var signature = StandardWebhook.Sign(Secret, Id, Seconds, Body);

        Assert.NotEqual(WebhookVerdict.Valid, StandardWebhook.Verify(Secret, Id, header, signature, Body, Now));
    }

    [Fact]
    public void Leading_zeros_verify_only_when_they_were_signed()
    {
        var header = "0" + Seconds;
        var overText = "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(Secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{Id}.{header}.{{}}")));

        Assert.Equal(WebhookVerdict.Valid, StandardWebhook.Verify(Secret, Id, header, overText, Body, Now));
        Assert.NotEqual(WebhookVerdict.Valid, StandardWebhook.Verify(Secret, Id, header, StandardWebhook.Sign(Secret, Id, Seconds, Body), Body, Now));
    }
}
