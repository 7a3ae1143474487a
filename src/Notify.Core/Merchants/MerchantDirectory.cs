using Microsoft.Extensions.Options;
using Notify.Common;
using Notify.Configuration;
using Notify.Storage;

namespace Notify.Merchants;

/// <summary>Reading merchant profiles: the operator any of them, a merchant its own.</summary>
public sealed class MerchantDirectory(MerchantStore merchants, MerchantAuth auth, IOptions<NotifyOptions> options)
{
    /// <summary>One page of merchants (operator).</summary>
    public async Task<Result<Listing<MerchantProfile>>> ListAsync(PageRequest page, CancellationToken ct)
    {
        var listing = await merchants.ListAsync(page, ct);
        return listing.Problem is { } problem
            ? problem
            : new Listing<MerchantProfile>(listing.Value!.Items.Select(Profile).ToList(), listing.Value.ContinuationToken);
    }

    /// <summary>One merchant (operator); 404 when there is none.</summary>
    public async Task<Result<MerchantProfile>> GetAsync(string merchantId, CancellationToken ct) =>
        await merchants.FindFreshAsync(merchantId, ct) is { } merchant ? Profile(merchant) : Problem.NotFound($"No merchant '{merchantId}'.");

    /// <summary>The merchant's own profile, with its key.</summary>
    public async Task<Result<MerchantProfile>> GetOwnAsync(string merchantId, string? authorization, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        return merchant.Problem is { } denied ? denied : Profile(merchant.Value!);
    }

    private MerchantProfile Profile(Merchant m) => MerchantProfile.From(m, options.Value.RetentionDays);
}
