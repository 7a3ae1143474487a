using Notify.Common;

namespace Notify.Merchants;

/// <summary>Checks a merchant's bearer key against the merchant named in the route.</summary>
public sealed class MerchantAuth(MerchantStore merchants, TimeProvider clock)
{
    private static readonly Problem Denied =
        Problem.Unauthorized("Send 'Authorization: Bearer <api key>' with the key issued for this merchant.");

    /// <summary>
    /// The merchant when <paramref name="authorization"/> carries its key (or, during the rotation grace period, its
    /// previous key). An unknown merchant and a wrong key give the same answer, so a key never reveals whether another
    /// merchant exists. <paramref name="currentKeyOnly"/> refuses the previous key: it may read, not change anything.
    /// </summary>
    public async Task<Result<Merchant>> AuthenticateAsync(string merchantId, string? authorization, CancellationToken ct, bool currentKeyOnly = false)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Denied;
        }
        var key = authorization[scheme.Length..].Trim();
        var now = clock.GetUtcNow();
        bool Opens(Merchant m) => currentKeyOnly ? ApiKeys.Matches(key, m.ApiKeyHash) : m.AcceptsApiKey(key, now);
        var merchant = await merchants.FindAsync(merchantId, ct);
        if (merchant is not null && !Opens(merchant))
        {
            // A key rotated on another instance is not in this instance's cached profile yet.
            merchant = await merchants.FindFreshAsync(merchantId, ct);
        }
        return merchant is not null && Opens(merchant) ? merchant : Denied;
    }
}
