namespace Notify.Channels.Kakao;

/// <summary>AlimTalk reaches Korean mobile numbers; SOLAPI takes them in national form (<c>01012345678</c>).</summary>
public static class KakaoPhone
{
    /// <summary>The national form of a Korean mobile number in E.164 (+82 1x…), or null for any other number.</summary>
    public static string? National(string? e164) =>
        e164 is { Length: 12 or 13 } && e164.StartsWith("+821", StringComparison.Ordinal) && e164[3..].All(char.IsAsciiDigit)
            ? "0" + e164[3..]
            : null;
}
