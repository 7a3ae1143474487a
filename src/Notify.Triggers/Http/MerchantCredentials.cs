using Microsoft.AspNetCore.Http;
using Notify.Merchants;

namespace Notify.Triggers.Http;

/// <summary>
/// What a request presents as a merchant's key: the Bearer key, or else the console's session cookie. A cookie counts
/// on a state-changing request only with the console's own header, which a page on another origin cannot send.
/// </summary>
public static class MerchantCredentials
{
    /// <summary>The console's session cookie.</summary>
    public const string CookieName = "notify-session";

    /// <summary>The header every console request carries (its CSRF guard, beside SameSite=Strict).</summary>
    public const string ConsoleHeader = "X-Notify-Console";

    /// <summary>The credentials for <see cref="MerchantAuth"/>, or null when there are none.</summary>
    public static string? Of(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return authorization;
        }
        return SessionCookie(request) is { } cookie ? MerchantAuth.SessionScheme + cookie : null;
    }

    /// <summary>The session cookie's value, when the request may use it.</summary>
    public static string? SessionCookie(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        return safe || request.Headers[ConsoleHeader] == "1" ? cookie : null;
    }
}
