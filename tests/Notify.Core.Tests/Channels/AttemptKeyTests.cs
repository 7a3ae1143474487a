using Notify.Channels;

namespace Notify.Core.Tests.Channels;

/// <summary>Only a key that could name an attempt parses; its parts are table keys, so nothing else may reach storage.</summary>
public sealed class AttemptKeyTests
{
    private const string Merchant = "m_0123456789abcdef";
    private const string Order = "0193a1b2c3d4e5f60718293a4b5c6d7e";

    [Theory]
    [InlineData("x/y#z.abc.1")]
    [InlineData("m_0123456789abcdef.0193a1b2c3d4e5f60718293a4b5c6d7e.0")]
    [InlineData("m_0123456789abcdef.0193a1b2c3d4e5f60718293a4b5c6d7e.-1")]
    [InlineData("m_0123456789abcdef.0193a1b2c3d4e5f60718293a4b5c6d7e.+1")]
    [InlineData("m_0123456789abcdef.0193a1b2c3d4e5f60718293a4b5c6d7e. 1")]
    [InlineData("m_0123456789abcdef.0193a1b2c3d4e5f60718293a4b5c6d7e.99999999999")]
    [InlineData("m_0123456789abcdef.0193A1B2C3D4E5F60718293A4B5C6D7E.1")]
    [InlineData("m_0123456789abcdef.0193a1b2c3d4e5f60718293a4b5c6d7?.1")]
    [InlineData("m_0123456789abcdef.order.1")]
    [InlineData("m_0123456789abcde/.0193a1b2c3d4e5f60718293a4b5c6d7e.1")]
    [InlineData("m_0000000000000000.x.1")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_real_attempt_key_is_null(string? value)
    {
        Assert.Null(AttemptKey.Parse(value));
    }

    [Fact]
    public void A_long_key_is_null()
    {
        Assert.Null(AttemptKey.Parse(new string('m', 8000) + "." + Order + ".1"));
    }

    [Fact]
    public void A_real_key_round_trips()
    {
        var key = new AttemptKey(Merchant, Order, 3);

        Assert.Equal(key, AttemptKey.Parse(key.ToString()));
    }
}
