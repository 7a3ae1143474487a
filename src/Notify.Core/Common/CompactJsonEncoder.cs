using System.Text;
using System.Text.Encodings.Web;

namespace Notify.Common;

/// <summary>
/// Escapes only what JSON requires (quote, backslash, control characters). The built-in encoders escape every
/// character outside the Basic Multilingual Plane, so one emoji costs twelve characters of a stored column that
/// Azure Tables limits to 32K characters; this one leaves Korean and emoji as they are.
/// </summary>
internal sealed class CompactJsonEncoder : JavaScriptEncoder
{
    public static readonly CompactJsonEncoder Instance = new();

    private CompactJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\' or 0x7F;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (WillEncode(c))
            {
                return i;
            }
            // A lone surrogate cannot be written as UTF-8: let the writer replace it.
            if (char.IsHighSurrogate(c) && (i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1])))
            {
                return i;
            }
            if (char.IsHighSurrogate(c))
            {
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            return new Rune(unicodeScalar).TryEncodeToUtf16(output, out numberOfCharactersWritten);
        }
        var escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => $"\\u{unicodeScalar:X4}",
        };
        numberOfCharactersWritten = escaped.Length <= output.Length ? escaped.Length : 0;
        return escaped.AsSpan().TryCopyTo(output);
    }
}
