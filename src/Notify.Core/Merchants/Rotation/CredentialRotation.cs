using Microsoft.Extensions.Options;
using Notify.Common;
using Notify.Configuration;
using Notify.Signing;

namespace Notify.Merchants.Rotation;

/// <summary>
/// Replaces a merchant's API key or webhook secret without downtime: the old one keeps working for
/// <c>Notify:KeyRotationGrace</c>. Only the current and the previous one are ever kept, so rotating twice within the
/// grace period ends the first one at once.
/// </summary>
public sealed class CredentialRotation(MerchantStore merchants, MerchantAuth auth, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>A new API key, shown this once.</summary>
    public async Task<Result<ApiKeyRotated>> RotateApiKeyAsync(string merchantId, string? authorization, CancellationToken ct)
    {
        var apiKey = ApiKeys.New();
        var rotated = await RotateAsync(merchantId, authorization, (m, now, until) => m with
        {
            ApiKeyHash = ApiKeys.Hash(apiKey), PreviousApiKeyHash = new Superseded(m.ApiKeyHash, until), UpdatedAt = now,
        }, ct);
        return rotated.Problem is { } problem ? problem : new ApiKeyRotated(apiKey, rotated.Value!.PreviousApiKeyHash!.ValidUntil);
    }

    /// <summary>A new webhook secret, shown this once.</summary>
    public async Task<Result<WebhookSecretRotated>> RotateWebhookSecretAsync(string merchantId, string? authorization, CancellationToken ct)
    {
        var secret = StandardWebhook.NewSecret();
        var rotated = await RotateAsync(merchantId, authorization, (m, now, until) => m with
        {
            WebhookSecret = secret, PreviousWebhookSecret = new Superseded(m.WebhookSecret, until), UpdatedAt = now,
        }, ct);
        return rotated.Problem is { } problem ? problem : new WebhookSecretRotated(secret, rotated.Value!.PreviousWebhookSecret!.ValidUntil);
    }

    // Only the current key may rotate: a leaked key in its grace period must not be able to take the merchant over.
    private async Task<Result<Merchant>> RotateAsync(
        string merchantId, string? authorization, Func<Merchant, DateTimeOffset, DateTimeOffset, Merchant> rotate, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct, currentKeyOnly: true);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var now = clock.GetUtcNow();
        return await merchants.UpdateAsync(merchantId, m => rotate(m, now, now + options.Value.KeyRotationGrace), ct)
               ?? Problem.Unauthorized("The merchant is gone.");
    }
}

/// <summary>The answer to an API key rotation.</summary>
/// <param name="ApiKey">The new key, shown once.</param>
/// <param name="PreviousValidUntil">When the old key stops working.</param>
public sealed record ApiKeyRotated(string ApiKey, DateTimeOffset PreviousValidUntil);

/// <summary>The answer to a webhook secret rotation.</summary>
/// <param name="WebhookSecret">The new <c>whsec_</c> secret, shown once.</param>
/// <param name="PreviousValidUntil">When the old secret stops signing and verifying.</param>
public sealed record WebhookSecretRotated(string WebhookSecret, DateTimeOffset PreviousValidUntil);
