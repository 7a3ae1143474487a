using Microsoft.Azure.Functions.Worker;
using Notify.FanOut;
using Notify.Storage;

namespace Notify.Triggers.FanOut;

/// <summary>Plans each accepted order into one delivery and enqueues its first send.</summary>
public sealed class FanOutFunction(FanOutService fanOut)
{
    /// <summary>Runs once per fan-out message; a redelivered message plans nothing new.</summary>
    [Function(nameof(FanOut))]
    public Task FanOut([QueueTrigger(StorageNames.FanOutQueue)] FanOutMessage message, CancellationToken ct) =>
        fanOut.PlanAsync(message, ct);

    /// <summary>A fan-out that kept failing is not dropped: its deadline is pushed out so the sweep tries again.</summary>
    [Function(nameof(FanOutPoison))]
    public Task FanOutPoison([QueueTrigger(StorageNames.FanOutQueue + DeliveryQueues.PoisonSuffix)] FanOutMessage message, CancellationToken ct) =>
        fanOut.RetryLaterAsync(message.MerchantId, message.OrderId, ct);
}
