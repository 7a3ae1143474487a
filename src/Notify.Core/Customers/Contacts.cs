using System.Net.Mail;
using PhoneNumbers;

namespace Notify.Customers;

/// <summary>Phone numbers and e-mail addresses as customers type them, made canonical.</summary>
public static class Contacts
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>True for a region libphonenumber knows (<c>KR</c>, <c>US</c>).</summary>
    public static bool IsKnownRegion(string? region) =>
        region is { Length: 2 } && Phones.GetSupportedRegions().Contains(region);

    /// <summary>The E.164 form of <paramref name="raw"/>, read in <paramref name="region"/> when national; null when not a valid number.</summary>
    public static string? ToE164(string raw, string region)
    {
        try
        {
            var number = Phones.Parse(raw, region);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The trimmed address when it is a plain <c>local@domain.tld</c> address; null otherwise.</summary>
    public static string? ToEmail(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed
            || address.DisplayName.Length > 0 || !address.Host.Contains('.') || address.Host.EndsWith('.'))
        {
            return null;
        }
        return trimmed;
    }
}
