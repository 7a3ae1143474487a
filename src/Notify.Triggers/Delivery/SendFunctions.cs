using Microsoft.Azure.Functions.Worker;
using Notify.Channels;
using Notify.Delivery;
using Notify.Delivery.Sending;
using Notify.Storage;

namespace Notify.Triggers.Delivery;

/// <summary>One queue-triggered sender per channel, so an outage on one never slows another.</summary>
public sealed class SendFunctions(SendService sender)
{
    /// <summary>Sends a KakaoTalk AlimTalk attempt through SOLAPI.</summary>
    [Function(nameof(SendKakao))]
    public Task SendKakao([QueueTrigger(DeliveryQueues.Kakao)] SendMessage message, CancellationToken ct) =>
        sender.SendAsync(ChannelNames.Kakao, message, ct);

    /// <summary>Sends an SMS attempt through Twilio.</summary>
    [Function(nameof(SendSms))]
    public Task SendSms([QueueTrigger(DeliveryQueues.Sms)] SendMessage message, CancellationToken ct) =>
        sender.SendAsync(ChannelNames.Sms, message, ct);

    /// <summary>Sends an e-mail attempt over SMTP.</summary>
    [Function(nameof(SendEmail))]
    public Task SendEmail([QueueTrigger(DeliveryQueues.Email)] SendMessage message, CancellationToken ct) =>
        sender.SendAsync(ChannelNames.Email, message, ct);

    /// <summary>Posts a signed event to the merchant's webhook.</summary>
    [Function(nameof(SendWebhook))]
    public Task SendWebhook([QueueTrigger(DeliveryQueues.Webhook)] SendMessage message, CancellationToken ct) =>
        sender.SendAsync(ChannelNames.Webhook, message, ct);
}
