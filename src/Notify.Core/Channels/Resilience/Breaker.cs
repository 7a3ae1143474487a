namespace Notify.Channels.Resilience;

/// <summary>When a provider's circuit opens: enough failures in a row that further requests are only load on it.</summary>
public static class Breaker
{
    /// <summary>Handled failures in a row that open the circuit.</summary>
    public const int FailuresBeforeBreaking = 5;

    /// <summary>How long an open circuit refuses requests before it lets one through to test the provider.</summary>
    public static readonly TimeSpan BreakFor = TimeSpan.FromSeconds(30);
}
