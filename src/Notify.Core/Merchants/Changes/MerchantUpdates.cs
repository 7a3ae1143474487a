using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Common;
using Notify.Configuration;

namespace Notify.Merchants.Changes;

/// <summary>
/// Changes a merchant's profile by JSON merge patch: the operator any field, the merchant its own settings. One
/// service and one set of rules for both.
/// </summary>
public sealed class MerchantUpdates(MerchantStore merchants, MerchantAuth auth, ChannelRegistry channels, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>The operator's patch; 404 for an unknown merchant.</summary>
    public async Task<Result<MerchantProfile>> PatchAsync(string merchantId, string? contentType, Stream body, CancellationToken ct)
    {
        var patch = await ReadAsync(contentType, body, PatchFields.Operator, ct);
        if (patch.Problem is { } problem)
        {
            return problem;
        }
        return await ApplyAsync(merchantId, patch.Value!, ct) ?? Problem.NotFound($"No merchant '{merchantId}'.");
    }

    /// <summary>The merchant's own patch of its settings, with its current API key.</summary>
    public async Task<Result<MerchantProfile>> PatchSettingsAsync(
        string merchantId, string? authorization, string? contentType, Stream body, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct, currentKeyOnly: true);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var patch = await ReadAsync(contentType, body, PatchFields.Merchant, ct);
        if (patch.Problem is { } problem)
        {
            return problem;
        }
        return await ApplyAsync(merchantId, patch.Value!, ct) ?? Problem.Unauthorized("The merchant is gone.");
    }

    private async Task<Result<MerchantProfile>?> ApplyAsync(string merchantId, MerchantPatch patch, CancellationToken ct)
    {
        var updated = await merchants.UpdateAsync(merchantId, m => patch.ApplyTo(m, channels, clock.GetUtcNow()), ct);
        if (updated is not { } result)
        {
            return null;
        }
        return result.Problem is { } problem ? problem : MerchantProfile.From(result.Value!, options.Value.RetentionDays);
    }

    private static async Task<Result<MerchantPatch>> ReadAsync(string? contentType, Stream body, IReadOnlySet<string> allowed, CancellationToken ct)
    {
        if (contentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem.UnsupportedMediaType("Send the patch as application/merge-patch+json or application/json.");
        }
        var bytes = await BodyReader.ReadAsync(body, MerchantPatch.Limit, ct);
        return bytes is null ? Problem.TooLarge(MerchantPatch.Limit) : MerchantPatch.Parse(bytes, allowed);
    }
}
