using System.Net;
using System.Net.Http.Json;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.MerchantConsole;

/// <summary>Signs in as the console does and replays the session cookie by hand, as a browser (or an attacker) would.</summary>
public static class ConsoleSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "notify-session";

    // The app's shared client keeps cookies; these calls must show exactly what is sent, so they use one that does not.
    private static readonly Dictionary<Uri, HttpClient> Clients = [];

    /// <summary>A client for the app that never stores or sends cookies on its own.</summary>
    public static HttpClient Client(NotifyApp app)
    {
        lock (Clients)
        {
            return Clients.TryGetValue(app.BaseAddress, out var client)
                ? client
                : Clients[app.BaseAddress] = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        }
    }

    /// <summary>Posts the sign-in form with the console's header.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(NotifyApp app, string merchantId, string apiKey, bool consoleHeader = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/console/session") { Content = JsonContent.Create(new { merchantId, apiKey }) };
        if (consoleHeader)
        {
            request.Headers.Add("X-Notify-Console", "1");
        }
        return await Client(app).SendAsync(request);
    }

    /// <summary>Signs in and returns the session cookie's value.</summary>
    public static async Task<string> CookieAsync(NotifyApp app, MerchantClient merchant)
    {
        using var response = await SignInAsync(app, merchant.Id, merchant.ApiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CookieValue(response) ?? throw new InvalidOperationException("No session cookie was set.");
    }

    /// <summary>The session cookie a response sets, if any.</summary>
    public static string? CookieValue(HttpResponseMessage response) =>
        SetCookie(response) is { } header ? header.Split(';')[0][(CookieName.Length + 1)..] : null;

    /// <summary>The raw Set-Cookie header for the session cookie, if any.</summary>
    public static string? SetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(CookieName + "=", StringComparison.Ordinal)) : null;

    /// <summary>Sends a request carrying the cookie (and the console's header unless told not to).</summary>
    public static Task<HttpResponseMessage> SendAsync(NotifyApp app, HttpMethod method, string path, string cookie, bool consoleHeader = true, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        if (consoleHeader)
        {
            request.Headers.Add("X-Notify-Console", "1");
        }
        return Client(app).SendAsync(request);
    }
}
