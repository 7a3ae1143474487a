using System.Diagnostics;
using Notify.Channels.Health;
using Notify.Deadlines;
using Notify.Delivery.Alerts;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;
using Notify.Telemetry;

namespace Notify.Delivery.Pipeline;

/// <summary>
/// Runs a saved transition's effects: the one place that knows what each <see cref="Effect"/> means. An effect that
/// starts another event (the merchant alert) returns it to the <see cref="DeliveryPipeline"/>, which runs it from the top.
/// </summary>
public sealed class EffectExecutor(DeadlineIndex deadlines, QueueSender queues, ChannelHealth health, MerchantStore merchants, MerchantAlerts alerts)
{
    /// <summary>Runs an effect that must exist before the state is saved (<see cref="Effect.RunsBeforeSave"/>).</summary>
    public Task BeforeSaveAsync(string merchantId, string orderId, Effect effect, CancellationToken ct) =>
        RunAsync(merchantId, orderId, null, effect, ct);

    /// <summary>Runs the rest of <paramref name="step"/>'s effects, in order; returns the events they start.</summary>
    public async Task<IReadOnlyList<Transition>> AfterSaveAsync(string merchantId, OrderEntity row, Step step, CancellationToken ct)
    {
        var started = new List<Transition>();
        foreach (var effect in step.Effects.Where(e => !e.RunsBeforeSave && !Superseded(e, step, row.OrderId)))
        {
            if (await RunAsync(merchantId, row.OrderId, row, effect, ct) is { } next)
            {
                started.Add(next);
            }
        }
        return started;
    }

    // A deadline moved within its minute was rewritten in place by its ScheduleDeadline: clearing the old one would
    // delete the new one (same partition, same row key).
    private static bool Superseded(Effect effect, Step step, string deliveryId) =>
        effect is ClearDeadline clear && step.Effects.OfType<ScheduleDeadline>().Any(s =>
            s.Kind == clear.Kind && DeadlineIndex.PartitionFor(s.DueAt, deliveryId) == DeadlineIndex.PartitionFor(clear.DueAt, deliveryId));

    private async Task<Transition?> RunAsync(string merchantId, string orderId, OrderEntity? row, Effect effect, CancellationToken ct)
    {
        switch (effect)
        {
            case ScheduleDeadline schedule:
                await deadlines.ScheduleAsync(schedule.Kind, merchantId, orderId, schedule.DueAt, ct, schedule.Channel);
                return null;
            case ClearDeadline clear:
                await deadlines.ClearAsync(clear.Kind, merchantId, orderId, clear.DueAt, ct);
                return null;
            case EnqueueSend send:
                var trace = TraceContext.ForOrder(row?.TraceParent);
                var message = new SendMessage(merchantId, orderId, send.Attempt) { Traceparent = trace.Parent, Tracestate = trace.State };
                await queues.SendAsync(DeliveryQueues.For(send.Channel), message, ct, send.Delay);
                return null;
            case ReportHealth report:
                await health.ReportAsync(report.Channel, report.Succeeded, report.Error, merchantId, ct);
                return null;
            case ReceiptTimed timed:
                await health.RecordReceiptAsync(timed.Channel, timed.Latency, timed.Late, ct);
                return null;
            case SkippedChannel skipped:
                await health.RecordSkippedAsync(skipped.Channel, ct);
                return null;
            case Rescued rescued:
                await health.RecordRescueAsync(rescued.PassedOver, rescued.By, ct);
                return null;
            case AlertMerchant:
                return (context, _, state) => DeliveryMachine.ClaimAlert(state, context);
            case SendAlert:
                // A broadcast recipient nobody could reach shows in the broadcast's progress, not as one alert each.
                var sent = !DeliveryIds.IsRecipient(orderId)
                           && await merchants.FindAsync(merchantId, ct) is { } merchant
                           && await alerts.SendAsync(merchant, orderId, OrderRows.ToOrder(row!), ct);
                return (_, _, state) => DeliveryMachine.RecordAlert(state, sent);
            default:
                throw new UnreachableException($"No executor for {effect.GetType().Name}.");
        }
    }
}
