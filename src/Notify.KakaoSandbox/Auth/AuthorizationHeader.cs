namespace Notify.KakaoSandbox.Auth;

/// <summary>
/// <c>HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…</c>, parsed. SOLAPI's docs name HMAC-SHA256 and HMAC-MD5.
/// </summary>
internal sealed record AuthorizationHeader(string Method, string ApiKey, string Date, string Salt, string Signature)
{
    public static AuthorizationHeader? Parse(string? header)
    {
        var space = header?.IndexOf(' ') ?? -1;
        if (header is null || space <= 0)
        {
            return null;
        }

        var fields = header[(space + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        return fields.TryGetValue("apiKey", out var apiKey)
            && fields.TryGetValue("date", out var date)
            && fields.TryGetValue("salt", out var salt)
            && fields.TryGetValue("signature", out var signature)
            ? new AuthorizationHeader(header[..space], apiKey, date, salt, signature)
            : null;
    }
}
