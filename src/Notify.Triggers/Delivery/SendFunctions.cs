using Microsoft.Azure.Functions.Worker;
using Notify.Channels;
using Notify.Delivery;

namespace Notify.Triggers.Delivery;

/// <summary>One queue-triggered sender per channel, so an outage on one never slows another.</summary>
public sealed class SendFunctions(SendService sender)
{
    /// <summary>Sends an SMS attempt through Twilio.</summary>
    [Function("SendSms")]
    public Task Sms([QueueTrigger(DeliveryQueues.Sms)] SendMessage message, CancellationToken ct) =>
        sender.SendAsync(ChannelNames.Sms, message, ct);

    /// <summary>Sends an e-mail attempt over SMTP.</summary>
    [Function("SendEmail")]
    public Task Email([QueueTrigger(DeliveryQueues.Email)] SendMessage message, CancellationToken ct) =>
        sender.SendAsync(ChannelNames.Email, message, ct);

    /// <summary>Posts a signed event to the merchant's webhook.</summary>
    [Function("SendWebhook")]
    public Task Webhook([QueueTrigger(DeliveryQueues.Webhook)] SendMessage message, CancellationToken ct) =>
        sender.SendAsync(ChannelNames.Webhook, message, ct);
}
