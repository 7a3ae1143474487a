using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Notify.MerchantConsole;

/// <summary>
/// The console's session cookie value: <c>{merchantId}.{sessionId}.{expiresUnix}.{signature}</c>, signed with
/// HMAC-SHA256 under <c>Notify:ConsoleSessionKey</c> so it cannot be forged or moved to another merchant.
/// </summary>
public sealed record SessionToken(string MerchantId, string SessionId, DateTimeOffset ExpiresAt)
{
    /// <summary>The signed cookie value.</summary>
    public string Sign(byte[] key)
    {
        var payload = Payload(MerchantId, SessionId, ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return payload + "." + Signature(key, payload);
    }

    /// <summary>The token a cookie value carries, or null when it is malformed or its signature is wrong.</summary>
    public static SessionToken? Read(string? value, byte[] key)
    {
        var parts = value?.Split('.');
        if (parts is not { Length: 4 } || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Signature(key, Payload(parts[0], parts[1], parts[2])));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])))
        {
            return null;
        }
        try
        {
            return new SessionToken(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(expires));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string Payload(string merchantId, string sessionId, string expires) => $"{merchantId}.{sessionId}.{expires}";

    private static string Signature(byte[] key, string payload) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
