using System.Text;
using Notify.MerchantConsole;

namespace Notify.Core.Tests.MerchantConsole;

public sealed class SessionTokenTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly SessionToken Token = new("m_0123456789abcdef", "s3ss10n", DateTimeOffset.FromUnixTimeSeconds(1_900_000_000));

    [Fact]
    public void A_signed_token_reads_back_as_itself()
    {
        Assert.Equal(Token, SessionToken.Read(Token.Sign(Key), Key));
    }

    [Fact]
    public void Another_key_does_not_read_it()
    {
        Assert.Null(SessionToken.Read(Token.Sign(Key), Encoding.ASCII.GetBytes("another-key-another-key-another!")));
    }

    [Theory]
    [InlineData(0, "m_fedcba9876543210")]
    [InlineData(1, "another-session")]
    [InlineData(2, "1999999999")]
    [InlineData(3, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Changing_any_part_breaks_the_signature(int part, string value)
    {
        var parts = Token.Sign(Key).Split('.');
        parts[part] = value;

        Assert.Null(SessionToken.Read(string.Join('.', parts), Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a.b.c")]
    [InlineData("a.b.c.d.e")]
    [InlineData("m_0123456789abcdef.s.-5.sig")]
    [InlineData("m_0123456789abcdef.s.99999999999999999999.sig")]
    public void Malformed_values_are_not_tokens(string? value)
    {
        Assert.Null(SessionToken.Read(value, Key));
    }
}
