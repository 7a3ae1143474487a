namespace Notify.Channels.Kakao;

/// <summary>What a SOLAPI status code means for a delivery.</summary>
public enum KakaoCodeKind
{
    /// <summary>Accepted or on its way (2000, 3000): wait for the result.</summary>
    Pending,
    /// <summary>The recipient has it (4000).</summary>
    Delivered,
    /// <summary>This recipient or this message cannot be reached by KakaoTalk: next channel, channel health untouched.</summary>
    Recipient,
    /// <summary>The merchant's KakaoTalk channel or template is wrong: next channel, channel health untouched.</summary>
    Merchant,
    /// <summary>SOLAPI, the carrier or Notify's SOLAPI account failed: next channel, and it counts against the channel.</summary>
    Provider,
}

/// <summary>
/// SOLAPI's four-digit message status codes, as listed in SOLAPI's developer docs ("메시지 상태 코드",
/// solapi/documents api-reference/message-status-codes.md). 1xxx come back at registration (failedMessageList),
/// 2xxx–4000 in the message's status later. A code not named here is read by its class: 1xxx/2xxx/3xxx as Provider.
/// </summary>
public static class KakaoCodes
{
    private static readonly Dictionary<string, (KakaoCodeKind Kind, string Meaning)> Known = new()
    {
        ["2000"] = (KakaoCodeKind.Pending, "accepted"),
        ["3000"] = (KakaoCodeKind.Pending, "handed to Kakao, waiting for the report"),
        ["4000"] = (KakaoCodeKind.Delivered, "delivered"),

        // This message or this recipient.
        ["1010"] = (KakaoCodeKind.Recipient, "a required field is missing"),
        ["1011"] = (KakaoCodeKind.Recipient, "format error"),
        ["1043"] = (KakaoCodeKind.Recipient, "the message does not match the registered template"),
        ["1060"] = (KakaoCodeKind.Recipient, "blocked recipient number"),
        ["1061"] = (KakaoCodeKind.Recipient, "the recipient opted out (080)"),
        ["2060"] = (KakaoCodeKind.Recipient, "blocked recipient number"),
        ["2061"] = (KakaoCodeKind.Recipient, "the recipient opted out (080)"),
        ["3010"] = (KakaoCodeKind.Recipient, "invalid recipient number"),
        ["3032"] = (KakaoCodeKind.Recipient, "the number has no subscriber"),
        ["3102"] = (KakaoCodeKind.Recipient, "the recipient is not a friend of the channel"),
        ["3103"] = (KakaoCodeKind.Recipient, "the message does not match the template"),
        ["3104"] = (KakaoCodeKind.Recipient, "not a KakaoTalk user"),
        ["3107"] = (KakaoCodeKind.Recipient, "KakaoTalk unused for 72 hours, or the recipient blocked AlimTalk"),

        // The merchant's KakaoTalk channel (pfId) or template.
        ["1041"] = (KakaoCodeKind.Merchant, "invalid KakaoTalk channel (pfId)"),
        ["1042"] = (KakaoCodeKind.Merchant, "invalid template id"),
        ["3101"] = (KakaoCodeKind.Merchant, "invalid sender profile key"),
        ["3105"] = (KakaoCodeKind.Merchant, "template not registered"),
        ["3106"] = (KakaoCodeKind.Merchant, "invalid KakaoTalk channel (yellow id)"),

        // SOLAPI, the carrier, or Notify's SOLAPI account: every merchant is affected.
        ["1020"] = (KakaoCodeKind.Provider, "unknown account or wrong credentials"),
        ["1024"] = (KakaoCodeKind.Provider, "SOLAPI server error"),
        ["1030"] = (KakaoCodeKind.Provider, "insufficient balance"),
        ["1062"] = (KakaoCodeKind.Provider, "sender number not registered"),
        ["2024"] = (KakaoCodeKind.Provider, "SOLAPI server error"),
        ["2063"] = (KakaoCodeKind.Provider, "account blocked"),
        ["2230"] = (KakaoCodeKind.Provider, "insufficient balance"),
        ["3012"] = (KakaoCodeKind.Provider, "partner server error"),
        ["3014"] = (KakaoCodeKind.Provider, "unknown message state"),
        ["3024"] = (KakaoCodeKind.Provider, "server error"),
        ["3040"] = (KakaoCodeKind.Provider, "delivery timed out"),
    };

    /// <summary>What <paramref name="code"/> means.</summary>
    public static KakaoCodeKind Kind(string code) => Known.TryGetValue(code, out var known) ? known.Kind : KakaoCodeKind.Provider;

    /// <summary>"3104 (not a KakaoTalk user)", for an attempt's error.</summary>
    public static string Describe(string code) => Known.TryGetValue(code, out var known) ? $"{code} ({known.Meaning})" : code;

    /// <summary>True when the failure is this message's or this recipient's (or merchant's), not the channel's.</summary>
    public static bool IsRecipientProblem(string code) => Kind(code) is KakaoCodeKind.Recipient or KakaoCodeKind.Merchant;
}
