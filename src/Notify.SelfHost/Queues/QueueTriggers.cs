using Microsoft.Azure.WebJobs;
using Notify.Common;
using Notify.Delivery;
using Notify.FanOut;
using Notify.Storage;
using Notify.Triggers.Delivery;
using Notify.Triggers.FanOut;

namespace Notify.SelfHost.Queues;

// The WebJobs SDK's queue listener (polling, back-off, dequeue count, poison queues, bound from host.json) drives the
// same function classes the Functions host runs. One line each; this file must not import the Worker SDK, whose
// QueueTrigger attribute has the same name.

/// <summary>WebJobs entry points for the queue-triggered functions.</summary>
public sealed class QueueTriggers(FanOutFunction fanOut, SendFunctions send, PoisonFunctions poison)
{
    /// <summary>See <see cref="FanOutFunction.Run"/>.</summary>
    public Task FanOut([QueueTrigger(StorageNames.FanOutQueue)] string message, CancellationToken ct) => fanOut.Run(Json.Deserialize<FanOutMessage>(message), ct);

    /// <summary>See <see cref="FanOutFunction.RunPoison"/>.</summary>
    public Task FanOutPoison([QueueTrigger(StorageNames.FanOutQueue + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => fanOut.RunPoison(Json.Deserialize<FanOutMessage>(message), ct);

    /// <summary>See <see cref="SendFunctions.Sms"/>.</summary>
    public Task SendSms([QueueTrigger(DeliveryQueues.Sms)] string message, CancellationToken ct) => send.Sms(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="SendFunctions.Email"/>.</summary>
    public Task SendEmail([QueueTrigger(DeliveryQueues.Email)] string message, CancellationToken ct) => send.Email(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="SendFunctions.Webhook"/>.</summary>
    public Task SendWebhook([QueueTrigger(DeliveryQueues.Webhook)] string message, CancellationToken ct) => send.Webhook(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="PoisonFunctions.Sms"/>.</summary>
    public Task SendSmsPoison([QueueTrigger(DeliveryQueues.Sms + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => poison.Sms(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="PoisonFunctions.Email"/>.</summary>
    public Task SendEmailPoison([QueueTrigger(DeliveryQueues.Email + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => poison.Email(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="PoisonFunctions.Webhook"/>.</summary>
    public Task SendWebhookPoison([QueueTrigger(DeliveryQueues.Webhook + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => poison.Webhook(Json.Deserialize<SendMessage>(message), ct);
}
