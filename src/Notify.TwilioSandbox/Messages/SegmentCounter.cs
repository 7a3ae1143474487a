namespace Notify.TwilioSandbox.Messages;

/// <summary>Counts SMS segments the way carriers bill them: GSM-7 160/153, otherwise UCS-2 70/67.</summary>
internal static class SegmentCounter
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // These take an escape septet plus their own, so they count twice.
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public static int Count(string body)
    {
        var septets = Gsm7Septets(body);
        return septets is { } length
            ? Segments(length, single: 160, concatenated: 153)
            : Segments(body.Length, single: 70, concatenated: 67);
    }

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

    private static int Segments(int length, int single, int concatenated) =>
        length <= single ? 1 : (length + concatenated - 1) / concatenated;
}
