namespace Notify.Merchants;

/// <summary>A merchant's profile as the application uses it.</summary>
/// <param name="Id">The merchant id, also the partition key of all its data.</param>
/// <param name="Name">The shop's name, shown to customers.</param>
/// <param name="Region">The region national phone numbers are read in (<c>KR</c>).</param>
/// <param name="TimeZone">An IANA time zone for times shown to customers.</param>
/// <param name="Locale">The merchant's language, used when a customer gives none.</param>
/// <param name="Channels">The channel chain, in order of preference.</param>
/// <param name="AlertPhone">Where to tell the merchant a customer could not be reached (E.164).</param>
/// <param name="AlertEmail">Where to tell the merchant a customer could not be reached.</param>
/// <param name="WebhookUrl">The merchant's own webhook, the last channel.</param>
/// <param name="WebhookSecret">The current <c>whsec_</c> secret that signs webhooks both ways (encrypted at rest).</param>
/// <param name="ApiKeyHash">SHA-256 of the API key; the key itself is never stored.</param>
/// <param name="CreatedAt">When the merchant was created.</param>
/// <param name="Kakao">The merchant's KakaoTalk settings; without them there is no <c>kakao</c> in its chain.</param>
public sealed record Merchant(
    string Id,
    string Name,
    string Region,
    string TimeZone,
    string Locale,
    IReadOnlyList<string> Channels,
    string? AlertPhone,
    string? AlertEmail,
    string? WebhookUrl,
    string WebhookSecret,
    string ApiKeyHash,
    DateTimeOffset CreatedAt,
    KakaoSettings? Kakao = null)
{
    /// <summary>False when the operator switched the merchant off: intake refuses its orders, reads still work.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Days its orders keep their customers' contact details; null for the <c>Notify:RetentionDays</c> default.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The webhook secret rotated out, working until its time.</summary>
    public Superseded? PreviousWebhookSecret { get; init; }

    /// <summary>The hash of the API key rotated out, working until its time.</summary>
    public Superseded? PreviousApiKeyHash { get; init; }

    /// <summary>When the profile last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The secrets that sign now: the current one, and the previous one during its grace period.</summary>
    public IReadOnlyList<string> LiveWebhookSecrets(DateTimeOffset now) =>
        PreviousWebhookSecret is { } previous && previous.IsLive(now) ? [WebhookSecret, previous.Value] : [WebhookSecret];

    /// <summary>True when <paramref name="apiKey"/> is the current key, or the previous one during its grace period.</summary>
    public bool AcceptsApiKey(string apiKey, DateTimeOffset now) =>
        ApiKeys.Matches(apiKey, ApiKeyHash)
        || (PreviousApiKeyHash is { } previous && previous.IsLive(now) && ApiKeys.Matches(apiKey, previous.Value));
}
