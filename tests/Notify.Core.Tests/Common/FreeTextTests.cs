using Notify.Common;

namespace Notify.Core.Tests.Common;

/// <summary>Every control character is either folded (line breaks, tabs) or refused; names need something visible.</summary>
public sealed class FreeTextTests
{
    /// <summary>Every C0 and C1 control but the folded line breaks and tab, DEL, the direction controls, half surrogates.</summary>
    public static IEnumerable<char> Refused() =>
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\u0085'))
            .Concat("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\uD800\uDC00");

    public static TheoryData<char> RefusedCharacters() => new(Refused());

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public void Control_and_direction_characters_are_refused_anywhere(char c)
    {
        Assert.Null(FreeText.Clean($"김{c}민지"));
        Assert.Null(FreeText.Clean($"{c}"));
        Assert.Null(FreeText.Name($"김민지{c}", 100));
    }

    [Theory]
    [InlineData("문 앞에\r\n놓아주세요", "문 앞에 놓아주세요")]
    [InlineData("a\n\n\tb", "a b")]
    [InlineData("a\u2028b\u2029c\u0085d", "a b c d")]
    [InlineData("\r\n a \r\n", "a")]
    public void Line_breaks_and_tabs_become_one_space(string raw, string clean)
    {
        Assert.Equal(clean, FreeText.Clean(raw));
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u200D")]
    [InlineData("\uFEFF")]
    [InlineData("   ")]
    [InlineData("\u3000\u00A0")]
    [InlineData("\u0301\u0301")]
    [InlineData("\r\n\t")]
    public void A_name_with_nothing_visible_is_refused(string raw)
    {
        Assert.Null(FreeText.Name(raw, 100));
    }

    [Theory]
    [InlineData("김민지")]
    [InlineData("O'Brien-Smith")]
    [InlineData("😀")]
    [InlineData("👩‍👩‍👧")]
    [InlineData("Zoë")]
    public void Ordinary_names_pass(string raw)
    {
        Assert.Equal(raw, FreeText.Name(raw, 100));
    }
}
