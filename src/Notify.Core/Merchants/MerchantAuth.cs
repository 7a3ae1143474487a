using Notify.Common;
using Notify.MerchantConsole;

namespace Notify.Merchants;

/// <summary>
/// Checks a merchant's bearer key, or a console session (the key presented another way), against the merchant named
/// in the route.
/// </summary>
public sealed class MerchantAuth(MerchantStore merchants, ConsoleSessionStore sessions, TimeProvider clock)
{
    /// <summary>The scheme under which a console session cookie is presented: <c>Session &lt;cookie value&gt;</c>.</summary>
    public const string SessionScheme = "Session ";

    // An unknown merchant's key is checked against this, so both answers do the same work.
    private static readonly string NoMerchantHash = ApiKeys.Hash(ApiKeys.New());

    private static readonly Problem SessionEnded =
        Problem.Unauthorized("The console session has ended or belongs to another merchant: sign in again.");

    private static readonly Problem Denied =
        Problem.Unauthorized("Send 'Authorization: Bearer <api key>' with the key issued for this merchant.");

    /// <summary>
    /// The merchant when <paramref name="authorization"/> carries its key (or, during the rotation grace period, its
    /// previous key). An unknown merchant and a wrong key give the same answer, so a key never reveals whether another
    /// merchant exists. <paramref name="currentKeyOnly"/> refuses the previous key: it may read, not change anything.
    /// </summary>
    public async Task<Result<Merchant>> AuthenticateAsync(string merchantId, string? authorization, CancellationToken ct, bool currentKeyOnly = false)
    {
        if (authorization is not null && authorization.StartsWith(SessionScheme, StringComparison.Ordinal))
        {
            var holder = await merchants.FindAsync(merchantId, ct);
            return holder is not null && await sessions.HoldsAsync(holder, authorization[SessionScheme.Length..], ct) ? holder : SessionEnded;
        }
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Denied;
        }
        var key = authorization[scheme.Length..].Trim();
        var now = clock.GetUtcNow();
        // An unknown merchant's key is hashed too and read again like a known one's, so the two cost the same.
        bool Opens(Merchant? m) => m is null
            ? ApiKeys.Matches(key, NoMerchantHash) && false
            : currentKeyOnly ? ApiKeys.Matches(key, m.ApiKeyHash) : m.AcceptsApiKey(key, now);
        var merchant = await merchants.FindAsync(merchantId, ct);
        if (!Opens(merchant))
        {
            // A key rotated on another instance is not in this instance's cached profile yet.
            merchant = await merchants.FindFreshAsync(merchantId, ct);
        }
        return merchant is not null && Opens(merchant) ? merchant : Denied;
    }
}
