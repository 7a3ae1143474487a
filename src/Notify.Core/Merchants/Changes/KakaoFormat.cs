namespace Notify.Merchants.Changes;

/// <summary>The shape of SOLAPI's KakaoTalk ids (<c>KA01PF…</c>, <c>KA01TP…</c>): checked at update, not at a failed send.</summary>
public static class KakaoFormat
{
    /// <summary>True for 1 to 64 ASCII letters, digits, <c>_</c> or <c>-</c>.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
