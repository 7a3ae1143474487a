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

    /// <summary>
    /// An E.164 number in its country's national format (<c>010-1234-5678</c>): digits grouped by dashes or spaces, which
    /// a spreadsheet keeps as text; null for null, and the input itself when it cannot be read.
    /// </summary>
    public static string? ToNational(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return null;
        }
        try
        {
            return Phones.Format(Phones.Parse(e164, null), PhoneNumberFormat.NATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
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
