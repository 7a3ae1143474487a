using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Notify.Signing;

/// <summary>
/// Standard Webhooks v1 symmetric signatures (standardwebhooks.com): HMAC-SHA256 over
/// <c>{id}.{timestamp}.{body}</c>, keyed by the base64 after <c>whsec_</c>. One piece of code signs what
/// Notify sends merchants and verifies what merchants send Notify.
/// </summary>
public static class StandardWebhook
{
    /// <summary>How far a timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";

    /// <summary>A new secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header value for a message.</summary>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Mac(Key(secret), id, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>Checks the three headers against the raw body.</summary>
    public static WebhookVerdict Verify(
        string secret, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return WebhookVerdict.MissingHeaders;
        }
        // Only plain digits: "+123", " 123" or "0x7b" would otherwise verify against a signature made over another text.
        if (!timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerdict.BadTimestamp;
        }
        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800, 253402300799));
        if ((now - sent).Duration() > Tolerance)
        {
            return WebhookVerdict.StaleTimestamp;
        }

        // The MAC covers the header exactly as sent, as Standard Webhooks specifies.
        var expected = Mac(Key(secret), id, timestamp, body);
        Span<byte> candidate = stackalloc byte[64];
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(entry[3..], candidate, out var written)
                && CryptographicOperations.FixedTimeEquals(candidate[..written], expected))
            {
                return WebhookVerdict.Valid;
            }
        }
        return WebhookVerdict.NoMatch;
    }

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    private static byte[] Mac(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, content);
    }
}

/// <summary>What <see cref="StandardWebhook.Verify"/> found.</summary>
public enum WebhookVerdict
{
    /// <summary>One signature matched within the time window.</summary>
    Valid,
    /// <summary>A header was missing or empty.</summary>
    MissingHeaders,
    /// <summary>The timestamp is not unix seconds.</summary>
    BadTimestamp,
    /// <summary>The timestamp is more than five minutes from now.</summary>
    StaleTimestamp,
    /// <summary>No signature matched.</summary>
    NoMatch,
}
