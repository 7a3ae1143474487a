using Notify.Telemetry;

namespace Notify.Delivery;

/// <summary>A channel queue's message: send attempt <paramref name="Attempt"/> of the order's confirmation, in the order's trace.</summary>
public sealed record SendMessage(string MerchantId, string OrderId, int Attempt) : ITracedMessage
{
    /// <inheritdoc />
    public string? Traceparent { get; init; }

    /// <inheritdoc />
    public string? Tracestate { get; init; }
}
