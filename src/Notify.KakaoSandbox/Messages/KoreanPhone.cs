namespace Notify.KakaoSandbox.Messages;

/// <summary>SOLAPI takes national numbers (<c>01012345678</c>) with a country code (<c>82</c> by default); the sandbox keys modes by E.164.</summary>
internal static class KoreanPhone
{
    public const string DefaultCountry = "82";

    public static string ToE164(string number, string country) =>
        country == DefaultCountry && number.StartsWith('0') ? $"+82{number[1..]}" : $"+{country}{number}";

    /// <summary>A destination named in a mode, as E.164: <c>+8210…</c> stays, <c>010…</c> becomes <c>+8210…</c>.</summary>
    public static string Normalize(string to)
    {
        var digits = new string(to.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return digits.StartsWith('+') ? digits : ToE164(digits, DefaultCountry);
    }
}
