using System.Diagnostics;

namespace Notify.Telemetry;

/// <summary>
/// Notify's one <see cref="ActivitySource"/> (and the name of its one meter, <see cref="NotifyMetrics"/>). Spans carry
/// merchant and order ids, never a customer's name, phone, e-mail or free text.
/// </summary>
public static class NotifyTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Notify";

    /// <summary>The source of every span Notify starts.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Span tag: the merchant's id.</summary>
    public const string MerchantTag = "notify.merchant.id";
    /// <summary>Span tag: the order's (or broadcast recipient's) id.</summary>
    public const string OrderTag = "notify.order.id";
    /// <summary>Span and metric tag: the channel.</summary>
    public const string ChannelTag = "notify.channel";
    /// <summary>Span tag: the attempt's number.</summary>
    public const string AttemptTag = "notify.attempt";

    /// <summary>Starts a span about one order, a child of the current one.</summary>
    public static Activity? StartForOrder(string name, string merchantId, string orderId, ActivityKind kind = ActivityKind.Internal) =>
        Source.StartActivity(kind, tags: Ids(merchantId, orderId), name: name);

    /// <summary>
    /// Starts the span that handles a queue message, in the trace the message carries (so one order is one trace across
    /// queues); the span a host started for the invocation, if any, is linked. A message without trace context (written
    /// before telemetry) starts under the current span.
    /// </summary>
    public static Activity? StartFromMessage(string name, ITracedMessage message, string merchantId, string orderId) =>
        StartInTrace(name, message.Traceparent, message.Tracestate, merchantId, orderId);

    /// <summary>As <see cref="StartFromMessage"/>, for trace context carried some other way (a callback URL's query).</summary>
    public static Activity? StartInTrace(string name, string? traceparent, string? tracestate, string merchantId, string orderId)
    {
        var invocation = Activity.Current;
        if (!TraceContext.TryRead(traceparent, tracestate, out var parent))
        {
            return StartForOrder(name, merchantId, orderId, ActivityKind.Consumer);
        }
        ActivityLink[]? links = invocation is null || invocation.TraceId == parent.TraceId ? null : [new ActivityLink(invocation.Context)];
        return Source.StartActivity(name, ActivityKind.Consumer, parent, Ids(merchantId, orderId), links);
    }

    /// <summary>
    /// Starts a span in another trace (a sweep's) that moves an order on, linked to the order's own trace when the order
    /// row stored it.
    /// </summary>
    public static Activity? StartLinked(string name, string merchantId, string orderId, string? orderTrace)
    {
        ActivityLink[]? links = TraceContext.TryRead(orderTrace, null, out var order) ? [new ActivityLink(order)] : null;
        return Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), Ids(merchantId, orderId), links);
    }

    private static KeyValuePair<string, object?>[] Ids(string merchantId, string orderId) =>
        [new(MerchantTag, merchantId), new(OrderTag, orderId)];
}
