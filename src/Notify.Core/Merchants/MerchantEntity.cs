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
    /// <summary>See <see cref="Merchant.WebhookSecret"/>.</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>See <see cref="Merchant.ApiKeyHash"/>.</summary>
    public string ApiKeyHash { get; set; } = "";
    /// <summary>See <see cref="Merchant.CreatedAt"/>.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>See <see cref="KakaoSettings.PfId"/>; null without Kakao settings.</summary>
    public string? KakaoPfId { get; set; }
    /// <summary>See <see cref="KakaoSettings.TemplateId"/>.</summary>
    public string? KakaoTemplateId { get; set; }

    /// <summary>The row for a merchant.</summary>
    public static MerchantEntity From(Merchant m) => new()
    {
        PartitionKey = m.Id, Name = m.Name, Region = m.Region, TimeZone = m.TimeZone, Locale = m.Locale,
        Channels = string.Join(',', m.Channels), AlertPhone = m.AlertPhone, AlertEmail = m.AlertEmail,
        WebhookUrl = m.WebhookUrl, WebhookSecret = m.WebhookSecret, ApiKeyHash = m.ApiKeyHash, CreatedAt = m.CreatedAt,
        KakaoPfId = m.Kakao?.PfId, KakaoTemplateId = m.Kakao?.TemplateId,
    };

    /// <summary>The merchant this row holds.</summary>
    public Merchant ToMerchant() => new(
        PartitionKey, Name, Region, TimeZone, Locale, Channels.Split(',', StringSplitOptions.RemoveEmptyEntries),
        AlertPhone, AlertEmail, WebhookUrl, WebhookSecret, ApiKeyHash, CreatedAt,
        KakaoPfId is { } pfId && KakaoTemplateId is { } templateId ? new KakaoSettings(pfId, templateId) : null);
}
