using Notify.Common;

namespace Notify.Merchants;

/// <summary>Checks a merchant's bearer key against the merchant named in the route.</summary>
public sealed class MerchantAuth(MerchantStore merchants)
{
    // An unknown merchant's key is checked against this, so both answers do the same work.
    private static readonly string NoMerchantHash = ApiKeys.Hash(ApiKeys.New());

    private static readonly Problem Denied =
        Problem.Unauthorized("Send 'Authorization: Bearer <api key>' with the key issued for this merchant.");

    /// <summary>
    /// The merchant when <paramref name="authorization"/> carries its key. An unknown merchant and a wrong key give
    /// the same answer, so a key never reveals whether another merchant exists.
    /// </summary>
    public async Task<Result<Merchant>> AuthenticateAsync(string merchantId, string? authorization, CancellationToken ct)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Denied;
        }
        var merchant = await merchants.FindAsync(merchantId, ct);
        var key = authorization[scheme.Length..].Trim();
        var matches = ApiKeys.Matches(key, merchant?.ApiKeyHash ?? NoMerchantHash);
        return merchant is not null && matches ? merchant : Denied;
    }
}
