using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Notify.Triggers.Http;

/// <summary>Sets (or, with a null value, clears) the console's session cookie, then answers with <paramref name="inner"/>.</summary>
public sealed class SessionCookieReply(string? value, DateTimeOffset expiresAt, IActionResult inner) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        context.HttpContext.Response.Cookies.Append(MerchantCredentials.CookieName, value ?? "", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // Browsers keep Secure cookies off plain http; loopback is the one place the console runs without TLS.
            Secure = !IsLoopback(request.Host.Host),
            Path = "/api",
            Expires = value is null ? DateTimeOffset.UnixEpoch : expiresAt,
        });
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return inner.ExecuteResultAsync(context);
    }

    private static bool IsLoopback(string host) => host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
}
