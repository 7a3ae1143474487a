using Notify.Channels;

namespace Notify.Storage;

/// <summary>One queue per channel, so a provider outage on one never slows another.</summary>
public static class DeliveryQueues
{
    /// <summary>KakaoTalk AlimTalk sends.</summary>
    public const string Kakao = "notify-send-kakao";
    /// <summary>SMS sends.</summary>
    public const string Sms = "notify-send-sms";
    /// <summary>E-mail sends.</summary>
    public const string Email = "notify-send-email";
    /// <summary>Merchant webhook sends.</summary>
    public const string Webhook = "notify-send-webhook";

    /// <summary>The suffix the queue extension gives a queue's poison twin.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Every send queue.</summary>
    public static readonly string[] All = [Kakao, Sms, Email, Webhook];

    /// <summary>The queue of a channel.</summary>
    public static string For(string channel) => channel switch
    {
        ChannelNames.Kakao => Kakao,
        ChannelNames.Sms => Sms,
        ChannelNames.Email => Email,
        ChannelNames.Webhook => Webhook,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}
