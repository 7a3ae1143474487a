namespace Notify.Channels;

/// <summary>The channels a confirmation can travel over, as they appear in settings and payloads.</summary>
public static class ChannelNames
{
    /// <summary>KakaoTalk AlimTalk through SOLAPI.</summary>
    public const string Kakao = "kakao";

    /// <summary>Twilio SMS.</summary>
    public const string Sms = "sms";

    /// <summary>E-mail over SMTP.</summary>
    public const string Email = "email";

    /// <summary>A signed POST to the merchant's own webhook.</summary>
    public const string Webhook = "webhook";

    /// <summary>Every channel, in the default order.</summary>
    public static readonly IReadOnlyList<string> All = [Kakao, Sms, Email, Webhook];

    /// <summary>Parses a comma-separated chain; null when a name is unknown, repeated, or the chain is empty.</summary>
    public static IReadOnlyList<string>? ParseChain(IEnumerable<string> names)
    {
        var chain = names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToList();
        return chain.Count > 0 && chain.All(All.Contains) && chain.Distinct().Count() == chain.Count ? chain : null;
    }
}
