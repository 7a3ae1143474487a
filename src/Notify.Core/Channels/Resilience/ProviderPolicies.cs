using System.Net;
using Polly;
using Polly.Timeout;

namespace Notify.Channels.Resilience;

/// <summary>
/// The Polly policies around a provider whose send is not idempotent (Twilio's create, SOLAPI's send): only answers that
/// prove no message was made are retried, never a timeout. One instance per provider and process, so that all its
/// sends share one circuit.
/// </summary>
/// <param name="retryDelay">The median pause before the first retry; it doubles for the next one.</param>
/// <param name="breakFor">How long the circuit stays open after repeated failures.</param>
/// <param name="timeout">How long one request may take.</param>
/// <param name="clock">The clock of the circuit and of <c>Retry-After</c> dates.</param>
/// <param name="random">The jitter's source (<see cref="Random.Shared"/> when null).</param>
public abstract class ProviderPolicies(TimeSpan retryDelay, TimeSpan breakFor, TimeSpan timeout, TimeProvider clock, Random? random)
{
    /// <summary>Retries, twice with jittered back-off, a connection that never opened, a 429 and a 503; never a timeout.</summary>
    public IAsyncPolicy<HttpResponseMessage> Retry { get; } = Policy<HttpResponseMessage>
        .Handle<HttpRequestException>(NeverReachedProvider)
        .OrResult(r => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        .WaitAndRetryAsync(
            2,
            (retry, outcome, _) => Backoff.Delay(retry, retryDelay, outcome.Result?.Headers.RetryAfter, clock, random ?? Random.Shared),
            (_, _, _, _) => Task.CompletedTask);

    /// <summary>
    /// Opens after <see cref="Breaker.DefaultFailuresBeforeBreaking"/> failures in a row (no connection, timeouts, 5xx):
    /// a fast local guard; the shared channel health decides for everybody. A 429 is back-pressure, not a failure: it
    /// never opens the circuit.
    /// </summary>
    public BreakerPolicy CircuitBreaker { get; } = new(
        Policy<HttpResponseMessage>
            .Handle<HttpRequestException>()
            .Or<TimeoutRejectedException>()
            .OrResult(r => (int)r.StatusCode >= 500),
        new Breaker(clock, Breaker.DefaultFailuresBeforeBreaking, breakFor));

    /// <summary>Gives up on one request after the timeout.</summary>
    public IAsyncPolicy<HttpResponseMessage> Timeout { get; } = Policy.TimeoutAsync<HttpResponseMessage>(timeout);

    // Only a connection that was never established proves the provider did not see the request.
    private static bool NeverReachedProvider(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
}
