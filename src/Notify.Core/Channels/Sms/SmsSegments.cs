namespace Notify.Channels.Sms;

/// <summary>Counts SMS segments the way carriers bill them: GSM-7 160 single / 153 per part, otherwise UCS-2 70 / 67.</summary>
public static class SmsSegments
{
    /// <summary>The most characters (UCS-2) that fit one segment.</summary>
    public const int Ucs2Single = 70;

    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // These take an escape septet plus their own, so they count twice.
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    /// <summary>The number of segments <paramref name="body"/> is sent and billed as.</summary>
    public static int Count(string body) => Gsm7Septets(body) is { } septets
        ? Segments(septets, single: 160, concatenated: 153)
        : Segments(body.Length, single: Ucs2Single, concatenated: 67);

    /// <summary>True when every character is in the GSM-7 alphabet, so the message is not sent as UCS-2.</summary>
    public static bool IsGsm7(string body) => Gsm7Septets(body) is not null;

    private static int? Gsm7Septets(string body)
    {
        var septets = 0;
        foreach (var c in body)
        {
            if (Gsm7Basic.Contains(c))
            {
                septets += 1;
            }
            else if (Gsm7Extension.Contains(c))
            {
                septets += 2;
            }
            else
            {
                return null;
            }
        }
        return septets;
    }

    // UCS-2 counts UTF-16 code units, so an emoji (a surrogate pair) takes two, as carriers bill it.
    private static int Segments(int length, int single, int concatenated) =>
        length <= single ? 1 : (length + concatenated - 1) / concatenated;
}
