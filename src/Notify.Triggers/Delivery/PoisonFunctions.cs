using Microsoft.Azure.Functions.Worker;
using Notify.Delivery;

namespace Notify.Triggers.Delivery;

/// <summary>A send message that reached a poison queue is a failed attempt: reroute it, never drop it.</summary>
public sealed class PoisonFunctions(PoisonService poison)
{
    /// <summary>A poisoned SMS send.</summary>
    [Function("SendSmsPoison")]
    public Task Sms([QueueTrigger(DeliveryQueues.Sms + DeliveryQueues.PoisonSuffix)] SendMessage message, CancellationToken ct) =>
        poison.RerouteAsync(message, ct);

    /// <summary>A poisoned e-mail send.</summary>
    [Function("SendEmailPoison")]
    public Task Email([QueueTrigger(DeliveryQueues.Email + DeliveryQueues.PoisonSuffix)] SendMessage message, CancellationToken ct) =>
        poison.RerouteAsync(message, ct);

    /// <summary>A poisoned webhook send.</summary>
    [Function("SendWebhookPoison")]
    public Task Webhook([QueueTrigger(DeliveryQueues.Webhook + DeliveryQueues.PoisonSuffix)] SendMessage message, CancellationToken ct) =>
        poison.RerouteAsync(message, ct);
}
