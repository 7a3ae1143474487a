using Notify.Telemetry;

namespace Notify.FanOut;

/// <summary>The fan-out queue's message: ids only, the tables hold the truth; and the order's trace context.</summary>
public sealed record FanOutMessage(string MerchantId, string OrderId) : ITracedMessage
{
    /// <inheritdoc />
    public string? Traceparent { get; init; }

    /// <inheritdoc />
    public string? Tracestate { get; init; }
}
