using System.Security.Cryptography;

namespace Notify.Common;

/// <summary>Identifiers and secrets.</summary>
public static class Ids
{
    /// <summary>A time-ordered id: its hex form sorts by creation time, so row keys double as a time index.</summary>
    public static string NewTimeOrdered(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    /// <summary>True for a string shaped like <see cref="NewTimeOrdered"/>'s ids: 32 lowercase hex digits.</summary>
    public static bool IsTimeOrdered(string? id) => id is { Length: 32 } && !id.AsSpan().ContainsAnyExcept("0123456789abcdef");

    /// <summary>The hex prefix that every time-ordered id created at or after <paramref name="at"/> sorts after.</summary>
    public static string TimePrefix(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString("x12");

    /// <summary>A random token, URL-safe base64 without padding.</summary>
    public static string NewToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
