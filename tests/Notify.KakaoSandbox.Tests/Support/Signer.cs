using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Notify.KakaoSandbox.Tests.Support;

/// <summary>Builds SOLAPI Authorization headers by hand, for requests the SDK would never make (reused, skewed).</summary>
internal static class Signer
{
    public static string Header(string apiKey, string apiSecret, DateTimeOffset date, string? salt = null)
    {
        var iso = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        salt ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(iso + salt)));
        return $"HMAC-SHA256 apiKey={apiKey}, date={iso}, salt={salt}, signature={signature}";
    }
}
