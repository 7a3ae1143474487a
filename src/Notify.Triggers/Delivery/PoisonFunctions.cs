using Microsoft.Azure.Functions.Worker;
using Notify.Delivery;
using Notify.Delivery.Sending;
using Notify.Storage;

namespace Notify.Triggers.Delivery;

/// <summary>A send message that reached a poison queue is a failed attempt: reroute it, never drop it.</summary>
public sealed class PoisonFunctions(PoisonService poison)
{
    /// <summary>A poisoned KakaoTalk send.</summary>
    [Function(nameof(SendKakaoPoison))]
    public Task SendKakaoPoison([QueueTrigger(DeliveryQueues.Kakao + DeliveryQueues.PoisonSuffix)] SendMessage message, CancellationToken ct) =>
        poison.RerouteAsync(message, ct);

    /// <summary>A poisoned SMS send.</summary>
    [Function(nameof(SendSmsPoison))]
    public Task SendSmsPoison([QueueTrigger(DeliveryQueues.Sms + DeliveryQueues.PoisonSuffix)] SendMessage message, CancellationToken ct) =>
        poison.RerouteAsync(message, ct);

    /// <summary>A poisoned e-mail send.</summary>
    [Function(nameof(SendEmailPoison))]
    public Task SendEmailPoison([QueueTrigger(DeliveryQueues.Email + DeliveryQueues.PoisonSuffix)] SendMessage message, CancellationToken ct) =>
        poison.RerouteAsync(message, ct);

    /// <summary>A poisoned webhook send.</summary>
    [Function(nameof(SendWebhookPoison))]
    public Task SendWebhookPoison([QueueTrigger(DeliveryQueues.Webhook + DeliveryQueues.PoisonSuffix)] SendMessage message, CancellationToken ct) =>
        poison.RerouteAsync(message, ct);
}
