using System.Security.Cryptography;
using System.Text;

namespace Notify.IntegrationTests.Support;

/// <summary>Signs a status callback the way Twilio does, to post receipts the app must accept (or forge ones it must not).</summary>
public static class TwilioSignature
{
    /// <summary>base64(HMAC-SHA1(authToken, url + every form key and value, sorted by key)).</summary>
    public static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> form)
    {
        var content = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            content.Append(key).Append(value);
        }
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(content.ToString())));
    }

    /// <summary>Posts a receipt for an attempt, signed with <paramref name="authToken"/>.</summary>
    public static Task<HttpResponseMessage> PostReceiptAsync(NotifyApp app, string attemptKey, string status, string sid, string authToken)
    {
        var path = $"/api/receipts/twilio?attempt={Uri.EscapeDataString(attemptKey)}";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["MessageStatus"] = status, ["SmsStatus"] = status,
            ["AccountSid"] = "AC00000000000000000000000000000000", ["ApiVersion"] = "2010-04-01",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(authToken, app.BaseAddress.ToString().TrimEnd('/') + path, form));
        return app.Http.SendAsync(request);
    }
}
