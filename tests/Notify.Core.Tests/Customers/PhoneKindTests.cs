using Notify.Channels;
using Notify.Core.Tests.Channels.Support;
using Notify.Customers;
using Notify.Orders;

namespace Notify.Core.Tests.Customers;

/// <summary>Only numbers that take text messages are in the SMS chain.</summary>
public sealed class PhoneKindTests
{
    [Theory]
    [InlineData("02-312-3456")]      // Seoul landline
    [InlineData("031-123-4567")]     // Gyeonggi landline
    [InlineData("060-700-1234")]     // premium rate
    [InlineData("080-123-4567")]     // free phone
    [InlineData("070-1234-5678")]    // VoIP
    [InlineData("1588-1234")]        // nationwide shared number
    public async Task Korean_numbers_that_cannot_take_sms_are_not_reachable_by_sms(string national)
    {
        var e164 = Contacts.ToE164(national, "KR");
        Assert.NotNull(e164);
        await using var services = ChannelServices.Build([]);

        Assert.False(PhoneKind.TakesTextMessages(e164));
        Assert.False(services.Channel(ChannelNames.Sms).CanReach(Samples.Merchant(), new Customer("김민지", e164, "minji@example.com", null)));
    }

    [Theory]
    [InlineData("010-1234-5678", "KR")]
    [InlineData("+821087654321", "KR")]
    [InlineData("(201) 555-0123", "US")]
    [InlineData("+447911123456", "GB")]
    public void Mobiles_and_numbers_whose_region_cannot_tell_are_reachable_by_sms(string raw, string region)
    {
        Assert.True(PhoneKind.TakesTextMessages(Contacts.ToE164(raw, region)));
    }
}
