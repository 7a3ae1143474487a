using System.Security.Cryptography;
using System.Text;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// The Standard Webhooks v1 check written from the spec alone (not Notify's StandardWebhook), so a test of what
/// Notify signs does not grade Notify's signer with itself: HMAC-SHA256 keyed by the base64 after <c>whsec_</c> over
/// <c>{id}.{timestamp}.{body}</c>, compared with each space-separated <c>v1,</c> entry.
/// </summary>
public static class SpecSignature
{
    /// <summary>The entries of <paramref name="header"/> that <paramref name="secret"/> made.</summary>
    public static int EntriesSignedBy(string secret, string id, string timestamp, byte[] body, string header)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(entry => entry == expected);
    }
}
