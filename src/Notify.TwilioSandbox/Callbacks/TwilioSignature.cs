using System.Security.Cryptography;
using System.Text;

namespace Notify.TwilioSandbox.Callbacks;

/// <summary>X-Twilio-Signature: base64(HMAC-SHA1(auth token, full URL + each form key and value, keys sorted ordinally)).</summary>
internal static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return Convert.ToBase64String(
            HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
