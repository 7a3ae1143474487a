using Notify.Channels.Sms;

namespace Notify.Channels.Templates;

/// <summary>Shortens a variable part of an SMS (an item name, a customer name) until the whole text fits its segments.</summary>
internal static class SmsFit
{
    /// <summary>The most segments any message may take.</summary>
    public const int MaxSegments = 2;

    // A name cut shorter than this says nothing, so a second segment is better.
    private const int MinKept = 6;

    /// <summary>
    /// <paramref name="compose"/>(<paramref name="variable"/>) in as few segments as possible from
    /// <paramref name="segments"/> up to <see cref="MaxSegments"/>, shortening the variable part first, the whole text last.
    /// </summary>
    public static string Fit(Func<string, string> compose, string variable, int segments = 1)
    {
        for (var limit = segments; limit <= MaxSegments; limit++)
        {
            if (SmsSegments.Count(compose(variable)) <= limit)
            {
                return compose(variable);
            }
            var keep = Longest(MinKept, variable.Length - 1, n => SmsSegments.Count(compose(Shorten(variable, n))) <= limit);
            if (keep > 0)
            {
                return compose(Shorten(variable, keep));
            }
        }
        var text = compose(Shorten(variable, MinKept));
        return Shorten(text, Longest(1, text.Length - 1, n => SmsSegments.Count(Shorten(text, n)) <= MaxSegments));
    }

    /// <summary>The first <paramref name="keep"/> characters and an ellipsis; the whole text when it is no longer.</summary>
    public static string Shorten(string text, int keep)
    {
        if (text.Length <= keep)
        {
            return text;
        }
        // Never split a surrogate pair; keep the text GSM-7 when it is, since "…" is not in that alphabet.
        var cut = keep > 0 && char.IsHighSurrogate(text[keep - 1]) ? keep - 1 : keep;
        return text[..cut].TrimEnd() + (SmsSegments.IsGsm7(text) ? "..." : "…");
    }

    // The largest n in [min, max] for which fits(n) holds, given fits is monotone; 0 when none does.
    private static int Longest(int min, int max, Func<int, bool> fits)
    {
        var best = 0;
        while (min <= max)
        {
            var mid = (min + max) / 2;
            if (fits(mid))
            {
                best = mid;
                min = mid + 1;
            }
            else
            {
                max = mid - 1;
            }
        }
        return best;
    }
}
