using Notify.Common;
using Notify.Merchants;

namespace Notify.MerchantConsole;

/// <summary>Signing in to and out of the merchant console.</summary>
public sealed class ConsoleSessions(MerchantAuth auth, ConsoleSessionStore store)
{
    private static readonly Problem NotConfigured = new(
        "https://notify.dev/problems/console-not-configured", "The console is not configured.", 503,
        "Set Notify__ConsoleSessionKey (32 random bytes, base64) to enable console sign-in.");

    private static readonly Problem WrongKey =
        Problem.Unauthorized("The merchant id or the API key is not right. Check both and try again.");

    private static readonly Problem NotFromConsole = new(
        "https://notify.dev/problems/console-header", "Console requests carry the console's header.", 403,
        "Sign in from the console page (requests need the X-Notify-Console: 1 header).");

    /// <summary>
    /// Checks the merchant's current key and starts a session; a wrong key starts nothing. <paramref name="fromConsole"/>
    /// is whether the request carries the console's header: a form on another site cannot, so it cannot sign a
    /// browser in to someone else's shop.
    /// </summary>
    public async Task<Result<StartedSession>> SignInAsync(SignIn form, bool fromConsole, CancellationToken ct)
    {
        if (!store.IsConfigured)
        {
            return NotConfigured;
        }
        if (!fromConsole)
        {
            return NotFromConsole;
        }
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(form.MerchantId))
        {
            errors.Add("merchantId", "Enter the merchant id (m_…).");
        }
        if (string.IsNullOrWhiteSpace(form.ApiKey))
        {
            errors.Add("apiKey", "Enter the API key (nk_…).");
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var key = form.ApiKey!.Trim();
        var merchant = await auth.AuthenticateAsync(form.MerchantId!.Trim(), "Bearer " + key, ct);
        // A key still inside its rotation grace works for the API, but a session must hang on the current key.
        if (merchant.Value is not { } m || !ApiKeys.Matches(key, m.ApiKeyHash))
        {
            return WrongKey;
        }
        var (value, expiresAt) = await store.StartAsync(m, ct);
        return new StartedSession(value, View(m, expiresAt));
    }

    /// <summary>Who the session cookie belongs to, while it holds.</summary>
    public async Task<Result<SessionView>> CurrentAsync(string? cookie, CancellationToken ct)
    {
        // The expiry is read with the id, so a session that ends meanwhile cannot leave it missing.
        if (store.MerchantOf(cookie) is not { } merchantId || store.ExpiryOf(cookie) is not { } expiresAt)
        {
            return Problem.Unauthorized("Not signed in, or the session has ended: sign in again.");
        }
        var merchant = await auth.AuthenticateAsync(merchantId, MerchantAuth.SessionScheme + cookie, ct);
        return merchant.Problem is { } problem ? problem : View(merchant.Value!, expiresAt);
    }

    /// <summary>Ends the session; signing out twice, or without a session, is fine.</summary>
    public Task SignOutAsync(string? cookie, CancellationToken ct) => store.EndAsync(cookie, ct);

    private static SessionView View(Merchant m, DateTimeOffset expiresAt) =>
        new(m.Id, m.Name, m.Locale, m.TimeZone, m.Channels, expiresAt);
}
