using Microsoft.Azure.Functions.Worker;
using Notify.Delivery;
using Notify.FanOut;
using Notify.Storage;

namespace Notify.Triggers.FanOut;

/// <summary>Plans each accepted order into one delivery and enqueues its first send.</summary>
public sealed class FanOutFunction(FanOutService fanOut)
{
    /// <summary>Runs once per fan-out message; a redelivered message plans nothing new.</summary>
    [Function("FanOut")]
    public Task Run([QueueTrigger(StorageNames.FanOutQueue)] FanOutMessage message, CancellationToken ct) =>
        fanOut.PlanAsync(message.MerchantId, message.OrderId, ct);

    /// <summary>A fan-out that kept failing is not dropped: its deadline is pushed out so the sweep tries again.</summary>
    [Function("FanOutPoison")]
    public Task RunPoison([QueueTrigger(StorageNames.FanOutQueue + DeliveryQueues.PoisonSuffix)] FanOutMessage message, CancellationToken ct) =>
        fanOut.RetryLaterAsync(message.MerchantId, message.OrderId, ct);
}
