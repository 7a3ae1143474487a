using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Notify.Orders;
using Notify.Storage;
using Notify.Telemetry;

namespace Notify.Delivery.Pipeline;

/// <summary>An event in a delivery's life, as a transition from its current state (null: nothing to do).</summary>
public delegate Step? Transition(DeliveryContext context, OrderEntity order, DeliveryState state);

/// <summary>A transition that was saved, and the order row as storage now holds it (with its new ETag).</summary>
public sealed record Saved(Step Step, OrderEntity Row);

/// <summary>
/// The one path every delivery event takes: load the order row, build the <see cref="DeliveryContext"/>, apply the
/// pure transition, save under the row's ETag (trying again on a concurrent change), and hand the effects to the
/// <see cref="EffectExecutor"/>. Effects that start another event (the merchant alert) return it, and it runs from
/// the top like any other, so nothing re-enters this class from below.
/// </summary>
public sealed class DeliveryPipeline(MerchantData data, DeliveryConditions conditions, EffectExecutor effects, DeliveryTelemetry telemetry, ILogger<DeliveryPipeline> logger)
{
    private const int MaxTries = 8;

    /// <summary>
    /// Runs <paramref name="transition"/> on the order's delivery, then every event its effects start. Returns what
    /// the first transition saved, or null when the order is gone or the transition had nothing to do.
    /// </summary>
    /// <param name="merchantId">The merchant.</param>
    /// <param name="orderId">The order whose delivery this is.</param>
    /// <param name="transition">The event.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="known">A row this pipeline saved before (it holds the saved state and ETag), to spare a read; if
    /// the order changed since, the save fails on its ETag and the order is read as usual.</param>
    public async Task<Saved?> RunAsync(string merchantId, string orderId, Transition transition, CancellationToken ct, OrderEntity? known = null)
    {
        var first = await ApplyAsync(merchantId, orderId, transition, known, ct);
        var next = first is null ? [] : await effects.AfterSaveAsync(merchantId, first.Row, first.Step, ct);
        var pending = new Queue<Transition>(next);
        var row = first?.Row;
        while (pending.TryDequeue(out var follow))
        {
            if (await ApplyAsync(merchantId, orderId, follow, row, ct) is not { } saved)
            {
                continue;
            }
            row = saved.Row;
            foreach (var more in await effects.AfterSaveAsync(merchantId, saved.Row, saved.Step, ct))
            {
                pending.Enqueue(more);
            }
        }
        return first;
    }

    private async Task<Saved?> ApplyAsync(string merchantId, string orderId, Transition transition, OrderEntity? known, CancellationToken ct)
    {
        var probed = new HashSet<string>();
        var current = known is { } row && row.ETag != default ? row : null;
        for (var attempt = 1; ; attempt++)
        {
            var order = current ?? await data.FindAsync<OrderEntity>(merchantId, DeliveryIds.RowKey(orderId), ct);
            current = null;
            if (order is null)
            {
                return null;
            }
            var context = await conditions.NowAsync(ct);
            var state = DeliveryRows.Read(order);
            var step = transition(context, order, state);
            // A channel that is down is used only by a delivery that wins one of its probe slots; a loser plans again without it.
            while (step?.Effects.OfType<EnqueueSend>().FirstOrDefault(s => context.NeedProbe.Contains(s.Channel) && !probed.Contains(s.Channel)) is { } probe)
            {
                if (await conditions.TryClaimProbeAsync(probe.Channel, ct))
                {
                    probed.Add(probe.Channel);
                    continue;
                }
                context = context.Without(probe.Channel);
                step = transition(context, order, state);
            }
            if (step is null)
            {
                return null;
            }
            foreach (var effect in step.Effects.Where(e => e.RunsBeforeSave))
            {
                await effects.BeforeSaveAsync(merchantId, orderId, effect, ct);
            }
            var saveId = Guid.NewGuid().ToString("N");
            try
            {
                var saved = await data.Table.UpdateEntityAsync(DeliveryRows.Write(merchantId, order.RowKey, step.State, saveId), order.ETag, TableUpdateMode.Merge, ct);
                DeliveryRows.Merge(order, step.State, saveId, saved.Headers.ETag ?? default);
                telemetry.Saved(merchantId, orderId, state, step.State, order.AcceptedAt, context.Now, order.TraceParent);
                return new Saved(step, order);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxTries)
            {
                current = await data.FindAsync<OrderEntity>(merchantId, order.RowKey, ct);
                if (current is not null && DeliveryRows.Holds(current, saveId))
                {
                    // The SDK retried a save whose answer timed out, and the first try had been stored: it is this one.
                    telemetry.Saved(merchantId, orderId, state, step.State, current.AcceptedAt, context.Now, current.TraceParent);
                    return new Saved(step, current);
                }
                // Someone else moved this delivery on; the deadlines just written are checked against state by the sweep.
                logger.LogDebug("Delivery {OrderId} changed concurrently; trying again ({Attempt})", orderId, attempt);
            }
        }
    }
}
