using System.Diagnostics;
using Notify.Channels;
using Notify.Common;
using Notify.Delivery;

namespace Notify.Telemetry;

/// <summary>
/// Turns each saved delivery transition into metrics (attempt outcomes, reroutes, settlements, time to confirm) and,
/// for a confirmation, a span. Fed by the pipeline, so every path (send, receipt, sweep, poison) counts alike.
/// </summary>
public sealed class DeliveryTelemetry(NotifyMetrics metrics)
{
    /// <summary>
    /// Records what changed from <paramref name="before"/> to <paramref name="after"/> for an order accepted at
    /// <paramref name="acceptedAt"/>. When the change happens in another trace than the order's (the sweep's), the
    /// current span is linked to the order's trace, <paramref name="orderTrace"/>.
    /// </summary>
    public void Saved(string merchantId, string orderId, DeliveryState before, DeliveryState after, DateTimeOffset acceptedAt, DateTimeOffset now, string? orderTrace = null)
    {
        LinkToOrder(orderTrace);
        foreach (var attempt in after.Attempts)
        {
            var old = before.Attempts.FirstOrDefault(a => a.N == attempt.N);
            if (attempt.Status is not (AttemptStatus.Queued or AttemptStatus.Sending) && old?.Status != attempt.Status)
            {
                metrics.Attempt(attempt.Channel, attempt.Status.Stored());
            }
        }
        if (after.Attempts.Count > before.Attempts.Count && before.Current is { } left
            && after.Attempts.FirstOrDefault(a => a.N == left.N) is { IsWaiting: false } gone)
        {
            metrics.Reroute(gone.Channel, gone.Error is { } error ? AttemptErrors.Read(error).Code ?? gone.Status.Stored() : gone.Status.Stored());
        }
        if (before.IsSettled || !after.IsSettled)
        {
            return;
        }
        metrics.Settled(after.Status.Stored(), after.ConfirmedBy);
        if (after.Status == ConfirmationStatus.Confirmed && after.ConfirmedBy is { } by)
        {
            metrics.Confirmed(by, now - acceptedAt);
            using var span = NotifyTelemetry.StartForOrder("confirm", merchantId, orderId);
            span?.SetTag(NotifyTelemetry.ChannelTag, by);
        }
        else if (after.Status == ConfirmationStatus.Exhausted)
        {
            Activity.Current?.AddEvent(new ActivityEvent("exhausted"));
        }
    }

    private static void LinkToOrder(string? orderTrace)
    {
        if (Activity.Current is { } current && TraceContext.TryRead(orderTrace, null, out var order)
            && current.TraceId != order.TraceId && current.Links.All(l => l.Context.TraceId != order.TraceId))
        {
            current.AddLink(new ActivityLink(order));
        }
    }
}
