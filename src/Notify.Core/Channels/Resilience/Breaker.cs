using Polly.CircuitBreaker;

namespace Notify.Channels.Resilience;

/// <summary>
/// A provider's circuit, on the injected clock: after <c>failuresBeforeBreaking</c> handled failures in a row it opens
/// for <c>breakFor</c>; then one request at a time may test the provider (half-open), and its success closes the circuit.
/// </summary>
public sealed class Breaker(TimeProvider clock, int failuresBeforeBreaking, TimeSpan breakFor)
{
    /// <summary>Handled failures in a row that open the circuit, unless a setting says otherwise.</summary>
    public const int DefaultFailuresBeforeBreaking = 5;

    /// <summary>How long an open circuit refuses requests before it lets one through, unless a setting says otherwise.</summary>
    public static readonly TimeSpan DefaultBreakFor = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private CircuitState _state = CircuitState.Closed;
    private int _failures;
    private DateTimeOffset _openUntil;
    private bool _testing;

    /// <summary>The circuit's state now.</summary>
    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return Current();
            }
        }
    }

    /// <summary>True when a request may go to the provider now; a half-open circuit lets one through at a time.</summary>
    public bool TryPass()
    {
        lock (_gate)
        {
            switch (Current())
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.Open or CircuitState.Isolated:
                    return false;
                case CircuitState.HalfOpen:
                    if (_testing)
                    {
                        return false;
                    }
                    _state = CircuitState.HalfOpen;
                    _testing = true;
                    return true;
                default:
                    throw new InvalidOperationException($"Unknown circuit state {_state}.");
            }
        }
    }

    /// <summary>A request that passed got an answer that is not a handled failure: the circuit closes.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _state = CircuitState.Closed;
            _failures = 0;
            _testing = false;
        }
    }

    /// <summary>A request that passed failed: counted, and at the threshold (or as the half-open test) the circuit opens.</summary>
    public void Failed()
    {
        lock (_gate)
        {
            _failures++;
            if (_state == CircuitState.HalfOpen || _failures >= failuresBeforeBreaking)
            {
                _state = CircuitState.Open;
                _openUntil = clock.GetUtcNow() + breakFor;
                _failures = 0;
                _testing = false;
            }
        }
    }

    /// <summary>A call let through ended with no verdict on the provider: if it was the half-open trial, the next call is.</summary>
    public void Abandoned()
    {
        lock (_gate)
        {
            _testing = false;
        }
    }

    private CircuitState Current() => _state == CircuitState.Open && clock.GetUtcNow() >= _openUntil ? CircuitState.HalfOpen : _state;
}
