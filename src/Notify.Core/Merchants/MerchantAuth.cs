using Notify.Common;
using Notify.MerchantConsole;

namespace Notify.Merchants;

/// <summary>
/// Checks a merchant's bearer key, or a console session (the key presented another way), against the merchant named
/// in the route.
/// </summary>
public sealed class MerchantAuth(MerchantStore merchants, ConsoleSessionStore sessions)
{
    /// <summary>The scheme under which a console session cookie is presented: <c>Session &lt;cookie value&gt;</c>.</summary>
    public const string SessionScheme = "Session ";

    private static readonly Problem SessionEnded =
        Problem.Unauthorized("The console session has ended or belongs to another merchant: sign in again.");

    private static readonly Problem Denied =
        Problem.Unauthorized("Send 'Authorization: Bearer <api key>' with the key issued for this merchant.");

    /// <summary>
    /// The merchant when <paramref name="authorization"/> carries its key. An unknown merchant and a wrong key give
    /// the same answer, so a key never reveals whether another merchant exists.
    /// </summary>
    public async Task<Result<Merchant>> AuthenticateAsync(string merchantId, string? authorization, CancellationToken ct)
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
        var merchant = await merchants.FindAsync(merchantId, ct);
        var key = authorization[scheme.Length..].Trim();
        return merchant is not null && ApiKeys.Matches(key, merchant.ApiKeyHash) ? merchant : Denied;
    }
}
