namespace Notify.Merchants;

/// <summary>A merchant as the operator and the merchant read it: never its secret, its key or their hashes.</summary>
public sealed record MerchantProfile(
    string MerchantId,
    string Name,
    string Region,
    string TimeZone,
    string Locale,
    IReadOnlyList<string> Channels,
    AlertContact? AlertContact,
    string? WebhookUrl,
    KakaoSettings? Kakao,
    bool Active,
    int RetentionDays,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? PreviousApiKeyValidUntil,
    DateTimeOffset? PreviousWebhookSecretValidUntil)
{
    /// <summary>The profile of <paramref name="m"/>; <paramref name="defaultRetentionDays"/> when it sets none.</summary>
    public static MerchantProfile From(Merchant m, int defaultRetentionDays) => new(
        m.Id, m.Name, m.Region, m.TimeZone, m.Locale, m.Channels,
        m.AlertPhone is null && m.AlertEmail is null ? null : new AlertContact(m.AlertPhone, m.AlertEmail),
        m.WebhookUrl, m.Kakao, m.Active, m.RetentionDays ?? defaultRetentionDays, m.CreatedAt, m.UpdatedAt,
        m.PreviousApiKeyHash?.ValidUntil, m.PreviousWebhookSecret?.ValidUntil);
}
