using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Notify.Channels.Resilience;
using Notify.Configuration;
using Polly;
using Polly.Extensions.Http;
using Polly.Timeout;

namespace Notify.Channels.Webhook;

/// <summary>
/// The Polly policies around posts to merchants' webhooks. Receivers deduplicate by <c>webhook-id</c>, so any
/// transient failure may be retried, timeouts included. Each merchant host has its own circuit, so one merchant's
/// broken endpoint never stops another's webhooks.
/// </summary>
public sealed class WebhookPolicies(IOptions<WebhookOptions> options, TimeProvider clock, Random? random = null)
{
    private readonly ConcurrentDictionary<string, IAsyncPolicy<HttpResponseMessage>> _breakers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Retries, twice with jittered back-off, connection failures, timeouts, 408, 429 and 5xx.</summary>
    public IAsyncPolicy<HttpResponseMessage> Retry { get; } = Transient()
        .WaitAndRetryAsync(
            2,
            (retry, outcome, _) => Backoff.Delay(retry, options.Value.RetryDelay, outcome.Result?.Headers.RetryAfter, clock, random ?? Random.Shared),
            (_, _, _, _) => Task.CompletedTask);

    /// <summary>Gives up on one request after <see cref="WebhookOptions.Timeout"/>.</summary>
    public IAsyncPolicy<HttpResponseMessage> Timeout { get; } = Policy.TimeoutAsync<HttpResponseMessage>(options.Value.Timeout);

    /// <summary>The circuit for the host <paramref name="url"/> points at.</summary>
    public IAsyncPolicy<HttpResponseMessage> CircuitBreakerFor(Uri? url) =>
        _breakers.GetOrAdd(url?.GetLeftPart(UriPartial.Authority) ?? "", _ =>
            new BreakerPolicy(Transient(), new Breaker(clock, Breaker.DefaultFailuresBeforeBreaking, Breaker.DefaultBreakFor)));

    // An address the connect-time check refused is refused again on every try: not transient, not the host's failure.
    private static PolicyBuilder<HttpResponseMessage> Transient() => Policy<HttpResponseMessage>
        .Handle<HttpRequestException>(e => e.InnerException is not WebhookAddressRefusedException)
        .OrResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout)
        .Or<TimeoutRejectedException>()
        .OrResult(r => r.StatusCode == HttpStatusCode.TooManyRequests);
}
