using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Notify.Channels.Kakao;

/// <summary>
/// SOLAPI's Authorization header (solapi/documents, authentication/api-key.md; the same as the solapi SDK's
/// getAuthInfo): <c>HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…</c>, the signature being the hex HMAC-SHA256
/// of date + salt keyed by the API secret. SOLAPI refuses a date 15 minutes off and a signature used twice.
/// </summary>
public static class SolapiSignature
{
    private const string SaltAlphabet = "1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>A header for a request made at <paramref name="now"/>, with a fresh 32-character salt.</summary>
    public static string Header(string apiKey, string apiSecret, DateTimeOffset now) =>
        Header(apiKey, apiSecret, now, RandomNumberGenerator.GetString(SaltAlphabet, 32));

    /// <summary>A header with the given salt (tests use a fixed one).</summary>
    public static string Header(string apiKey, string apiSecret, DateTimeOffset now, string salt)
    {
        var date = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(date + salt)));
        return $"HMAC-SHA256 apiKey={apiKey}, date={date}, salt={salt}, signature={signature}";
    }
}
