namespace Notify.TwilioSandbox.RateLimit;

/// <summary>
/// Twilio's per-sender rate, played: with a limit set, a create beyond <c>perSecond</c> in any one-second window is
/// answered 429 (code 20429) like Twilio's queue-full answer, and counted.
/// </summary>
internal sealed class RateLimiter(TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _accepted = new();
    private int _perSecond;
    private int _refused;

    /// <summary>The limit (0: none) and the creates refused since it was set.</summary>
    public RateLimitView View()
    {
        lock (_gate)
        {
            return new RateLimitView(_perSecond, _refused);
        }
    }

    /// <summary>Sets the limit (0 or less: none) and starts counting refusals afresh.</summary>
    public void Set(int perSecond)
    {
        lock (_gate)
        {
            _perSecond = Math.Max(0, perSecond);
            _refused = 0;
            _accepted.Clear();
        }
    }

    /// <summary>True when one more create fits in the last second; false (and counted) when it does not.</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            if (_perSecond == 0)
            {
                return true;
            }
            var now = clock.GetUtcNow();
            while (_accepted.Count > 0 && now - _accepted.Peek() >= TimeSpan.FromSeconds(1))
            {
                _accepted.Dequeue();
            }
            if (_accepted.Count >= _perSecond)
            {
                _refused++;
                return false;
            }
            _accepted.Enqueue(now);
            return true;
        }
    }
}

/// <summary>The rate limit as <c>GET /sandbox/rate-limit</c> shows it.</summary>
internal sealed record RateLimitView(int PerSecond, int Refused);

/// <summary><c>PUT /sandbox/rate-limit</c>'s body.</summary>
internal sealed record RateLimitRequest(int PerSecond);

internal static class RateLimitApi
{
    public static void MapSandboxRateLimit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/rate-limit", (RateLimiter limiter) => limiter.View());
        app.MapPut("/sandbox/rate-limit", (RateLimitRequest request, RateLimiter limiter) =>
        {
            limiter.Set(request.PerSecond);
            return Results.Ok(limiter.View());
        });
    }
}
