namespace Notify.Merchants.Changes;

/// <summary>
/// The operator's request to create a merchant. Everything but the name has a default; a <c>KR</c> merchant created
/// with <paramref name="Kakao"/> settings and no chain starts with KakaoTalk.
/// </summary>
public sealed record CreateMerchant(
    string? Name,
    string? Region,
    string? TimeZone,
    string? Locale,
    IReadOnlyList<string>? Channels,
    AlertContact? AlertContact,
    string? WebhookUrl,
    KakaoSettings? Kakao = null);


/// <summary>The answer to <see cref="CreateMerchant"/>: the only time the secret and the key are shown.</summary>
public sealed record MerchantCreated(
    string MerchantId,
    string Name,
    string Region,
    string TimeZone,
    string Locale,
    IReadOnlyList<string> Channels,
    AlertContact? AlertContact,
    string? WebhookUrl,
    string WebhookSecret,
    string ApiKey,
    KakaoSettings? Kakao = null);
