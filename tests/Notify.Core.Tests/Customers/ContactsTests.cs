using Notify.Customers;

namespace Notify.Core.Tests.Customers;

public sealed class ContactsTests
{
    [Theory]
    [InlineData("010-1234-5678", "KR", "+821012345678")]
    [InlineData("01012345678", "KR", "+821012345678")]
    [InlineData("+82 10 1234 5678", "US", "+821012345678")]
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    public void Phones_become_e164_in_the_merchants_region(string raw, string region, string expected)
    {
        Assert.Equal(expected, Contacts.ToE164(raw, region));
    }

    [Theory]
    [InlineData("010-1234")]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("+999 123")]
    public void Invalid_phones_are_null(string raw)
    {
        Assert.Null(Contacts.ToE164(raw, "KR"));
    }

    [Theory]
    [InlineData("minji@example.com", "minji@example.com")]
    [InlineData("  minji@example.com ", "minji@example.com")]
    [InlineData("Minji <minji@example.com>", null)]
    [InlineData("minji@localhost", null)]
    [InlineData("minji", null)]
    [InlineData("minji@example.", null)]
    public void Emails_are_plain_addresses(string raw, string? expected)
    {
        Assert.Equal(expected, Contacts.ToEmail(raw));
    }
}
