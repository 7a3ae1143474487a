using System.Diagnostics;

namespace Notify.Telemetry;

/// <summary>W3C trace context as queue messages and order rows carry it.</summary>
public static class TraceContext
{
    /// <summary>The current span's <c>traceparent</c> and <c>tracestate</c>, or nulls when there is none.</summary>
    public static (string? Parent, string? State) Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? (activity.Id, activity.TraceStateString) : (null, null);

    /// <summary>
    /// What a message about an order carries: the current span when it belongs to the order's trace (or the order
    /// stored none), else the order's stored trace, so a send enqueued by the sweep stays in the order's trace.
    /// </summary>
    public static (string? Parent, string? State) ForOrder(string? orderTrace)
    {
        var current = Current();
        if (!TryRead(orderTrace, null, out var order) || Activity.Current?.TraceId == order.TraceId)
        {
            return current;
        }
        return (orderTrace, null);
    }

    /// <summary>Parses a <c>traceparent</c> (and <c>tracestate</c>); false when absent or malformed.</summary>
    public static bool TryRead(string? traceparent, string? tracestate, out ActivityContext context)
    {
        context = default;
        return !string.IsNullOrEmpty(traceparent) && ActivityContext.TryParse(traceparent, tracestate, isRemote: true, out context);
    }
}
