using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Common;
using Notify.MerchantConsole;
using Notify.Triggers.Http;

namespace Notify.Triggers.MerchantConsole;

/// <summary><c>/api/console/session</c>: signing in to the console with the merchant's key, and out again.</summary>
public sealed class SessionFunctions(ConsoleSessions sessions)
{
    /// <summary><c>POST</c>: merchant id and API key in, an HttpOnly session cookie out; a wrong key sets no cookie.</summary>
    [Function(nameof(ConsoleSignIn))]
    public async Task<IActionResult> ConsoleSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/console/session")] HttpRequest request,
        CancellationToken ct)
    {
        return await Guard.RunAsync(request, async () =>
        {
            var form = await JsonBody.ReadAsync<SignIn>(request.Body, 4 * 1024, ct);
            if (form.Problem is { } problem)
            {
                return new ProblemResult(problem);
            }
            return Replies.Map(await sessions.SignInAsync(form.Value!, request.Headers[MerchantCredentials.ConsoleHeader] == "1", ct),
                started => new SessionCookieReply(started.CookieValue, started.Session.ExpiresAt, new JsonReply(200, started.Session)));
        });
    }

    /// <summary><c>GET</c>: who is signed in, or 401 when the session has ended.</summary>
    [Function(nameof(ConsoleSession))]
    public async Task<IActionResult> ConsoleSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/console/session")] HttpRequest request,
        CancellationToken ct) =>
        await Guard.RunAsync(request, async () => Replies.Ok(await sessions.CurrentAsync(MerchantCredentials.SessionCookie(request), ct)));

    /// <summary><c>DELETE</c>: ends the session and clears the cookie; 204 even without one.</summary>
    [Function(nameof(ConsoleSignOut))]
    public async Task<IActionResult> ConsoleSignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/console/session")] HttpRequest request,
        CancellationToken ct)
    {
        return await Guard.RunAsync(request, async () =>
        {
            await sessions.SignOutAsync(MerchantCredentials.SessionCookie(request), ct);
            return new SessionCookieReply(null, DateTimeOffset.UnixEpoch, new NoContentReply());
        });
    }
}
