using PhoneNumbers;

namespace Notify.Customers;

/// <summary>What kind of line a phone number is, as far as text messages (SMS, KakaoTalk) are concerned.</summary>
public static class PhoneKind
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// True when an E.164 number can take text messages: a mobile, or a number whose region does not tell mobiles
    /// from landlines (the US and Canada). Landlines, premium-rate, toll-free, shared-cost, pager and VoIP numbers cannot
    /// (or would charge the customer), so their confirmations go straight to the next channel.
    /// </summary>
    public static bool TakesTextMessages(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return false;
        }
        try
        {
            return Phones.GetNumberType(Phones.Parse(e164, null)) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
