using System.Net;
using Microsoft.Extensions.Options;
using Notify.Channels.Resilience;
using Notify.Configuration;
using Polly;
using Polly.Timeout;

namespace Notify.Channels.Sms;

/// <summary>
/// The Polly policies around every Twilio request, one instance per process so that all sends share one circuit.
/// Twilio's create is not idempotent, so only answers that prove no message was made are retried.
/// </summary>
public sealed class TwilioPolicies(IOptions<TwilioOptions> options, TimeProvider clock, Random? random = null)
{
    /// <summary>Retries, twice with jittered back-off, a connection that never opened, a 429 and a 503; never a timeout.</summary>
    public IAsyncPolicy<HttpResponseMessage> Retry { get; } = Policy<HttpResponseMessage>
        .Handle<HttpRequestException>(NeverReachedTwilio)
        .OrResult(r => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        .WaitAndRetryAsync(
            2,
            (retry, outcome, _) => Backoff.Delay(retry, options.Value.RetryDelay, outcome.Result?.Headers.RetryAfter, clock, random ?? Random.Shared),
            (_, _, _, _) => Task.CompletedTask);

    /// <summary>
    /// Opens after <see cref="Breaker.DefaultFailuresBeforeBreaking"/> failures in a row (no connection, timeouts, 5xx) for
    /// <see cref="TwilioOptions.BreakFor"/>: a fast local guard; the shared channel health decides for everybody. A 429
    /// is back-pressure, not a failure: it never opens the circuit.
    /// </summary>
    public BreakerPolicy CircuitBreaker { get; } = new(
        Policy<HttpResponseMessage>
            .Handle<HttpRequestException>()
            .Or<TimeoutRejectedException>()
            .OrResult(r => (int)r.StatusCode >= 500),
        new Breaker(clock, Breaker.DefaultFailuresBeforeBreaking, options.Value.BreakFor));

    /// <summary>Gives up on one request after <see cref="TwilioOptions.Timeout"/>.</summary>
    public IAsyncPolicy<HttpResponseMessage> Timeout { get; } = Policy.TimeoutAsync<HttpResponseMessage>(options.Value.Timeout);

    // Only a connection that was never established proves Twilio did not see the request.
    private static bool NeverReachedTwilio(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
}
