using System.Net.Http.Headers;

namespace Notify.Channels.Resilience;

/// <summary>Retry pauses: exponential with jitter, so that many senders refused at once do not come back at once.</summary>
public static class Backoff
{
    /// <summary>The longest <c>Retry-After</c> honoured; a send runs inside a queue handler and must not hold it for long.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The pause before retry <paramref name="retry"/> (from 1): <paramref name="median"/> × 2^(retry-1), scaled by a
    /// random factor in [0.5, 1.5), and no shorter than the server's <c>Retry-After</c> (capped by <see cref="MaxRetryAfter"/>),
    /// whose date form is read against <paramref name="clock"/>.
    /// </summary>
    public static TimeSpan Delay(int retry, TimeSpan median, RetryConditionHeaderValue? retryAfter, TimeProvider clock, Random random)
    {
        var exponential = median * Math.Pow(2, retry - 1) * (0.5 + random.NextDouble());
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
        return asked is { } wait && wait > exponential ? (wait < MaxRetryAfter ? wait : MaxRetryAfter) : exponential;
    }
}
