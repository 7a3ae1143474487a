namespace Notify.Telemetry;

/// <summary>A queue message that carries the W3C trace context of the order it is about.</summary>
public interface ITracedMessage
{
    /// <summary>The W3C <c>traceparent</c>; absent in messages written before telemetry.</summary>
    string? Traceparent { get; }

    /// <summary>The W3C <c>tracestate</c>, if any.</summary>
    string? Tracestate { get; }
}
