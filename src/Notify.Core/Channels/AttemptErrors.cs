using System.Text.RegularExpressions;

namespace Notify.Channels;

/// <summary>
/// What an attempt's <c>error</c> says to merchants: a stable code and a short message with nothing from the provider's
/// own text (it can carry addresses, hosts and ports). Stored as <c>"{code}: {message}"</c>; the details go to the logs.
/// </summary>
public static partial class AttemptErrors
{
    /// <summary>Twilio is not configured.</summary>
    public const string SmsNotConfigured = "sms.not_configured";
    /// <summary>The customer has no phone number.</summary>
    public const string SmsNoPhone = "sms.no_phone";
    /// <summary>Twilio rejected this message for good (a 4xx: invalid number, region not enabled…).</summary>
    public const string SmsRejected = "sms.rejected";
    /// <summary>Twilio kept refusing (429, 503) after retries.</summary>
    public const string SmsProviderRefused = "sms.provider_refused";
    /// <summary>Twilio answered with a server error.</summary>
    public const string SmsProviderError = "sms.provider_error";
    /// <summary>Twilio did not answer in time; the message may exist.</summary>
    public const string SmsProviderTimeout = "sms.provider_timeout";
    /// <summary>The in-process circuit is open after repeated failures.</summary>
    public const string SmsCircuitOpen = "sms.circuit_open";
    /// <summary>Twilio could not be reached.</summary>
    public const string SmsProviderUnreachable = "sms.provider_unreachable";
    /// <summary>Twilio's receipt reported an error code.</summary>
    public const string SmsUndelivered = "sms.undelivered";
    /// <summary>SOLAPI is not configured.</summary>
    public const string KakaoNotConfigured = "kakao.not_configured";
    /// <summary>The customer has no Korean mobile number, or the merchant no KakaoTalk settings.</summary>
    public const string KakaoNoRecipient = "kakao.no_recipient";
    /// <summary>SOLAPI refused this message for good (a 4xx, or a recipient, template or channel status code).</summary>
    public const string KakaoRejected = "kakao.rejected";
    /// <summary>SOLAPI refused Notify (credentials) or kept refusing (429, 503) after retries.</summary>
    public const string KakaoProviderRefused = "kakao.provider_refused";
    /// <summary>SOLAPI answered with a server error, or a provider status code.</summary>
    public const string KakaoProviderError = "kakao.provider_error";
    /// <summary>SOLAPI did not answer in time; the AlimTalk may exist.</summary>
    public const string KakaoProviderTimeout = "kakao.provider_timeout";
    /// <summary>The in-process circuit is open after repeated failures.</summary>
    public const string KakaoCircuitOpen = "kakao.circuit_open";
    /// <summary>SOLAPI could not be reached.</summary>
    public const string KakaoProviderUnreachable = "kakao.provider_unreachable";
    /// <summary>SOLAPI's result for the AlimTalk is a failure status code.</summary>
    public const string KakaoUndelivered = "kakao.undelivered";
    /// <summary>The customer has no e-mail address.</summary>
    public const string EmailNoAddress = "email.no_address";
    /// <summary>An address cannot be used.</summary>
    public const string EmailAddressUnusable = "email.address_unusable";
    /// <summary>The SMTP server refused the mail for good (5xx).</summary>
    public const string EmailRejected = "email.rejected";
    /// <summary>The SMTP server did not answer in time.</summary>
    public const string EmailProviderTimeout = "email.provider_timeout";
    /// <summary>The SMTP server could not be reached, or the conversation broke off.</summary>
    public const string EmailProviderUnreachable = "email.provider_unreachable";
    /// <summary>The merchant has no usable webhook URL.</summary>
    public const string WebhookNoUrl = "webhook.no_url";
    /// <summary>The merchant's endpoint refused the event for good (4xx).</summary>
    public const string WebhookRejected = "webhook.rejected";
    /// <summary>The merchant's endpoint kept failing (5xx, 408, 429) after retries.</summary>
    public const string WebhookFailed = "webhook.failed";
    /// <summary>The merchant's endpoint did not answer in time.</summary>
    public const string WebhookTimeout = "webhook.timeout";
    /// <summary>The circuit for the merchant's host is open after repeated failures.</summary>
    public const string WebhookCircuitOpen = "webhook.circuit_open";
    /// <summary>The merchant's endpoint could not be reached.</summary>
    public const string WebhookUnreachable = "webhook.unreachable";
    /// <summary>The merchant's webhook host does not resolve, or only to addresses Notify does not send to (private, loopback, …).</summary>
    public const string WebhookAddressRefused = "webhook.address_refused";
    /// <summary>The attempt's deadline passed with no answer.</summary>
    public const string DeliveryTimedOut = "delivery.timed_out";
    /// <summary>The channel went down for everybody while the attempt waited for its receipt; the delivery moved on at once.</summary>
    public const string DeliveryChannelDown = "delivery.channel_down";
    /// <summary>The send kept failing and its message went to the poison queue.</summary>
    public const string DeliveryPoisoned = "delivery.poisoned";
    /// <summary>The channel cannot carry a broadcast's free text (KakaoTalk AlimTalk sends approved templates only).</summary>
    public const string BroadcastNotSupported = "broadcast.not_supported";
    /// <summary>A broadcast recipient's broadcast row is gone.</summary>
    public const string BroadcastGone = "broadcast.gone";

    /// <summary>The stored form of an error: the code, then the message.</summary>
    public static string Format(string code, string message) => $"{code}: {message}";

    /// <summary>
    /// The code and message of a stored error. Rows written before codes existed hold free text: no code, the text as it is.
    /// </summary>
    public static (string? Code, string Message) Read(string stored) =>
        Coded().Match(stored) is { Success: true } m ? (m.Groups[1].Value, m.Groups[2].Value) : (null, stored);

    [GeneratedRegex(@"^([a-z]+\.[a-z_]+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Coded();
}
