using System.Text;

namespace Notify.Common;

/// <summary>
/// The one rule for text people type (names, notes, order numbers): line breaks and tabs become one space, other
/// control characters and bidirectional overrides are refused, and a name needs at least one visible character.
/// Exports, SMS and e-mail then never carry a NUL, an escape sequence or a hidden line break.
/// </summary>
public static class FreeText
{
    /// <summary>The cleaned text: trimmed, line breaks and tabs folded to single spaces; null when it holds a character that is refused.</summary>
    public static string? Clean(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029' or '\u0085')
            {
                pendingSpace = true;
                continue;
            }
            if (IsRefused(c) || IsLoneSurrogate(raw, i))
            {
                return null;
            }
            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }
            text.Append(c);
        }
        return text.ToString().Trim();
    }

    /// <summary>True when <paramref name="text"/> has a character a reader can see (a letter, digit, mark-bearing letter, punctuation or symbol).</summary>
    public static bool HasVisible(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True for a name or label: clean, 1 to <paramref name="maxLength"/> characters, something visible.</summary>
    public static string? Name(string? raw, int maxLength) =>
        raw is not null && Clean(raw) is { Length: > 0 } clean && clean.Length <= maxLength && HasVisible(clean) ? clean : null;

    // C0/C1 controls and DEL, lone surrogates, and the bidirectional controls that can reorder what an export shows.
    private static bool IsRefused(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    // Half a surrogate pair cannot be written as UTF-8, so storage and every reader would choke on it.
    private static bool IsLoneSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])
        : char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
}
