using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Notify.Orders;
using Notify.Storage;
using Notify.Sweep;

namespace Notify.Delivery;

/// <summary>
/// Applies a <see cref="DeliveryMachine"/> transition to a stored delivery under its ETag, retrying on a concurrent
/// change, and runs its effects: deadlines are indexed before the save (a crash cannot lose them), sends are
/// enqueued and old deadlines cleared after it.
/// </summary>
public sealed class DeliveryRunner(StorageClients storage, DeadlineIndex deadlines, QueueSender queues, IEffectHandler effects, ILogger<DeliveryRunner> logger)
{
    private const int MaxTries = 8;
    private readonly TableClient _data = storage.Table(StorageNames.MerchantDataTable);

    /// <summary>The order row, or null when there is none.</summary>
    public async Task<OrderEntity?> ReadAsync(string merchantId, string orderId, CancellationToken ct)
    {
        var row = await _data.GetEntityIfExistsAsync<OrderEntity>(merchantId, RowKeys.Order(orderId), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Loads the order, asks <paramref name="transition"/> for the next step and saves it. Returns the saved step, or
    /// null when the order is gone or the transition had nothing to do.
    /// </summary>
    public Task<Step?> ApplyAsync(string merchantId, string orderId, Func<OrderEntity, DeliveryState, Step?> transition, CancellationToken ct) =>
        ApplyAsync(merchantId, orderId, known: null, transition, ct);

    /// <summary>
    /// As <see cref="ApplyAsync(string, string, Func{OrderEntity, DeliveryState, Step?}, CancellationToken)"/>, but
    /// starting from <paramref name="known"/>, a row this runner saved (it holds the saved state and ETag), instead of
    /// reading the order again. If the order changed since, the save fails on its ETag and the order is read as usual.
    /// </summary>
    /// <remarks>
    /// After a save, the row the transition was given holds what was saved and its new ETag, so a caller that kept it
    /// can pass it here for its next step.
    /// </remarks>
    public async Task<Step?> ApplyAsync(
        string merchantId, string orderId, OrderEntity? known, Func<OrderEntity, DeliveryState, Step?> transition, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var order = attempt == 1 && known is { } row && row.ETag != default ? row : await ReadAsync(merchantId, orderId, ct);
            if (order is null)
            {
                return null;
            }
            var step = transition(order, DeliveryRows.Read(order));
            if (step is null)
            {
                return null;
            }
            foreach (var schedule in step.Effects.OfType<ScheduleDeadline>())
            {
                await deadlines.ScheduleAsync(schedule.Kind, merchantId, orderId, schedule.DueAt, ct);
            }
            try
            {
                var saved = await _data.UpdateEntityAsync(DeliveryRows.Write(merchantId, order.RowKey, step.State), order.ETag, TableUpdateMode.Merge, ct);
                DeliveryRows.Merge(order, step.State, saved.Headers.ETag ?? default);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxTries)
            {
                // Someone else moved this delivery on; the deadlines just written are checked against state by the sweep.
                logger.LogDebug("Delivery {OrderId} changed concurrently; trying again ({Attempt})", orderId, attempt);
                continue;
            }
            await RunAfterSaveAsync(merchantId, orderId, order, step, ct);
            return step;
        }
    }

    private async Task RunAfterSaveAsync(string merchantId, string orderId, OrderEntity order, Step step, CancellationToken ct)
    {
        foreach (var effect in step.Effects)
        {
            switch (effect)
            {
                case EnqueueSend send:
                    await queues.SendAsync(DeliveryQueues.For(send.Channel), new SendMessage(merchantId, orderId, send.Attempt), ct);
                    break;
                case ClearDeadline clear:
                    await deadlines.ClearAsync(clear.Kind, merchantId, orderId, clear.DueAt, ct);
                    break;
                case ScheduleDeadline:
                    break;
                default:
                    await effects.HandleAsync(effect, merchantId, order, step.State, ct);
                    break;
            }
        }
    }
}

/// <summary>Runs the effects that reach beyond storage: merchant alerts and channel health.</summary>
public interface IEffectHandler
{
    /// <summary>Runs <paramref name="effect"/> for the order whose delivery is now <paramref name="state"/>.</summary>
    Task HandleAsync(Effect effect, string merchantId, OrderEntity order, DeliveryState state, CancellationToken ct);
}
