using Azure;
using Azure.Data.Tables;

namespace Notify.Merchants;

/// <summary>The Merchants table row: PartitionKey = merchant id, RowKey = <see cref="Row"/>.</summary>
public sealed class MerchantEntity : ITableEntity
{
    /// <summary>The single row key of a merchant's profile.</summary>
    public const string Row = "profile";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = Row;
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>See <see cref="Merchant.Name"/>.</summary>
    public string Name { get; set; } = "";
    /// <summary>See <see cref="Merchant.Region"/>.</summary>
    public string Region { get; set; } = "";
    /// <summary>See <see cref="Merchant.TimeZone"/>.</summary>
    public string TimeZone { get; set; } = "";
    /// <summary>See <see cref="Merchant.Locale"/>.</summary>
    public string Locale { get; set; } = "";
    /// <summary>The chain, comma-separated.</summary>
    public string Channels { get; set; } = "";
    /// <summary>See <see cref="Merchant.AlertPhone"/>.</summary>
    public string? AlertPhone { get; set; }
    /// <summary>See <see cref="Merchant.AlertEmail"/>.</summary>
    public string? AlertEmail { get; set; }
    /// <summary>See <see cref="Merchant.WebhookUrl"/>.</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>
    /// The webhook secret in clear, as rows written before secrets were sealed hold it. Read, never written: the next
    /// change to the profile replaces it with <see cref="SealedWebhookSecret"/>.
    /// </summary>
    public string? WebhookSecret { get; set; }
    /// <summary>See <see cref="Merchant.WebhookSecret"/>, sealed by <see cref="SecretBox"/>.</summary>
    public string? SealedWebhookSecret { get; set; }
    /// <summary>See <see cref="Merchant.PreviousWebhookSecret"/>, sealed.</summary>
    public string? SealedPreviousWebhookSecret { get; set; }
    /// <summary>When the previous webhook secret stops working.</summary>
    public DateTimeOffset? PreviousWebhookSecretUntil { get; set; }
    /// <summary>See <see cref="Merchant.ApiKeyHash"/>.</summary>
    public string ApiKeyHash { get; set; } = "";
    /// <summary>See <see cref="Merchant.PreviousApiKeyHash"/>.</summary>
    public string? PreviousApiKeyHash { get; set; }
    /// <summary>When the previous API key stops working.</summary>
    public DateTimeOffset? PreviousApiKeyUntil { get; set; }
    /// <summary>See <see cref="Merchant.CreatedAt"/>.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>See <see cref="Merchant.UpdatedAt"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>See <see cref="KakaoSettings.PfId"/>; null without Kakao settings.</summary>
    public string? KakaoPfId { get; set; }
    /// <summary>See <see cref="KakaoSettings.TemplateId"/>.</summary>
    public string? KakaoTemplateId { get; set; }
    /// <summary>See <see cref="Merchant.Active"/>; absent (older rows) means active.</summary>
    public bool? Active { get; set; }
    /// <summary>See <see cref="Merchant.RetentionDays"/>.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>The row for a merchant, its secrets sealed by <paramref name="box"/>.</summary>
    public static MerchantEntity From(Merchant m, SecretBox box) => new()
    {
        PartitionKey = m.Id, Name = m.Name, Region = m.Region, TimeZone = m.TimeZone, Locale = m.Locale,
        Channels = string.Join(',', m.Channels), AlertPhone = m.AlertPhone, AlertEmail = m.AlertEmail,
        WebhookUrl = m.WebhookUrl, SealedWebhookSecret = box.Seal(m.Id, m.WebhookSecret),
        SealedPreviousWebhookSecret = m.PreviousWebhookSecret is { } s ? box.Seal(m.Id, s.Value) : null,
        PreviousWebhookSecretUntil = m.PreviousWebhookSecret?.ValidUntil,
        ApiKeyHash = m.ApiKeyHash, PreviousApiKeyHash = m.PreviousApiKeyHash?.Value, PreviousApiKeyUntil = m.PreviousApiKeyHash?.ValidUntil,
        CreatedAt = m.CreatedAt, UpdatedAt = m.UpdatedAt, KakaoPfId = m.Kakao?.PfId, KakaoTemplateId = m.Kakao?.TemplateId,
        Active = m.Active, RetentionDays = m.RetentionDays,
    };

    /// <summary>The merchant this row holds, in either form of the secret (sealed, or clear in older rows).</summary>
    public Merchant ToMerchant(SecretBox box) => new(
        PartitionKey, Name, Region, TimeZone, Locale, Channels.Split(',', StringSplitOptions.RemoveEmptyEntries),
        AlertPhone, AlertEmail, WebhookUrl,
        SealedWebhookSecret is { } sealedSecret ? box.Open(PartitionKey, sealedSecret) : WebhookSecret ?? "",
        ApiKeyHash, CreatedAt,
        KakaoPfId is { } pfId && KakaoTemplateId is { } templateId ? new KakaoSettings(pfId, templateId) : null)
    {
        Active = Active ?? true,
        RetentionDays = RetentionDays,
        PreviousWebhookSecret = SealedPreviousWebhookSecret is { } previous && PreviousWebhookSecretUntil is { } until
            ? new Superseded(box.Open(PartitionKey, previous), until) : null,
        PreviousApiKeyHash = PreviousApiKeyHash is { } hash && PreviousApiKeyUntil is { } keyUntil ? new Superseded(hash, keyUntil) : null,
        UpdatedAt = UpdatedAt,
    };
}
