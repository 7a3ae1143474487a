using Microsoft.Azure.WebJobs;
using Notify.Common;
using Notify.Delivery;
using Notify.Delivery.Sending;
using Notify.FanOut;
using Notify.Storage;
using Notify.Triggers.Delivery;
using Notify.Triggers.FanOut;

namespace Notify.SelfHost.Queues;

// The WebJobs SDK's queue listener (polling, back-off, dequeue count, poison queues, bound from host.json) drives the
// same function classes the Functions host runs. One line each, named like the function it calls and on the same
// queue (QueueTriggersTests checks both); this file must not import the Worker SDK, whose QueueTrigger attribute has
// the same name.

/// <summary>WebJobs entry points for the queue-triggered functions.</summary>
public sealed class QueueTriggers(FanOutFunction fanOut, SendFunctions send, PoisonFunctions poison)
{
    /// <summary>See <see cref="FanOutFunction.FanOut"/>.</summary>
    public Task FanOut([QueueTrigger(StorageNames.FanOutQueue)] string message, CancellationToken ct) => fanOut.FanOut(Json.Deserialize<FanOutMessage>(message), ct);

    /// <summary>See <see cref="FanOutFunction.FanOutPoison"/>.</summary>
    public Task FanOutPoison([QueueTrigger(StorageNames.FanOutQueue + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => fanOut.FanOutPoison(Json.Deserialize<FanOutMessage>(message), ct);

    /// <summary>See <see cref="SendFunctions.SendKakao"/>.</summary>
    public Task SendKakao([QueueTrigger(DeliveryQueues.Kakao)] string message, CancellationToken ct) => send.SendKakao(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="SendFunctions.SendSms"/>.</summary>
    public Task SendSms([QueueTrigger(DeliveryQueues.Sms)] string message, CancellationToken ct) => send.SendSms(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="SendFunctions.SendEmail"/>.</summary>
    public Task SendEmail([QueueTrigger(DeliveryQueues.Email)] string message, CancellationToken ct) => send.SendEmail(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="SendFunctions.SendWebhook"/>.</summary>
    public Task SendWebhook([QueueTrigger(DeliveryQueues.Webhook)] string message, CancellationToken ct) => send.SendWebhook(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="PoisonFunctions.SendKakaoPoison"/>.</summary>
    public Task SendKakaoPoison([QueueTrigger(DeliveryQueues.Kakao + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => poison.SendKakaoPoison(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="PoisonFunctions.SendSmsPoison"/>.</summary>
    public Task SendSmsPoison([QueueTrigger(DeliveryQueues.Sms + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => poison.SendSmsPoison(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="PoisonFunctions.SendEmailPoison"/>.</summary>
    public Task SendEmailPoison([QueueTrigger(DeliveryQueues.Email + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => poison.SendEmailPoison(Json.Deserialize<SendMessage>(message), ct);

    /// <summary>See <see cref="PoisonFunctions.SendWebhookPoison"/>.</summary>
    public Task SendWebhookPoison([QueueTrigger(DeliveryQueues.Webhook + DeliveryQueues.PoisonSuffix)] string message, CancellationToken ct) => poison.SendWebhookPoison(Json.Deserialize<SendMessage>(message), ct);
}
