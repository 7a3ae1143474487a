using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Notify.Channels.Resilience;

namespace Notify.Core.Tests.Channels.Resilience;

/// <summary>Retry pauses grow, are jittered by the injected random source, and honour Retry-After on the injected clock.</summary>
public sealed class BackoffTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private static readonly TimeSpan Median = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(1, 0.5, 1.5)]
    [InlineData(2, 1.0, 3.0)]
    [InlineData(3, 2.0, 6.0)]
    public void Pause_doubles_per_retry_within_the_jitter(int retry, double minSeconds, double maxSeconds)
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var delay = Backoff.Delay(retry, Median, null, Clock, random);
            Assert.InRange(delay.TotalSeconds, minSeconds, maxSeconds);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_pauses()
    {
        var first = Enumerable.Range(1, 3).Select(r => Backoff.Delay(r, Median, null, Clock, new Random(42))).ToList();
        var second = Enumerable.Range(1, 3).Select(r => Backoff.Delay(r, Median, null, Clock, new Random(42))).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Retry_after_as_a_date_is_read_against_the_injected_clock_and_capped()
    {
        var inThree = new RetryConditionHeaderValue(Clock.GetUtcNow() + TimeSpan.FromSeconds(3));
        var inAMinute = new RetryConditionHeaderValue(Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(3), Backoff.Delay(1, TimeSpan.FromMilliseconds(10), inThree, Clock, new Random(1)));
        Assert.Equal(Backoff.MaxRetryAfter, Backoff.Delay(1, TimeSpan.FromMilliseconds(10), inAMinute, Clock, new Random(1)));
    }

    [Fact]
    public void Retry_after_shorter_than_the_backoff_is_not_a_reason_to_hurry()
    {
        var delay = Backoff.Delay(3, Median, new RetryConditionHeaderValue(TimeSpan.FromMilliseconds(1)), Clock, new Random(3));

        Assert.True(delay >= TimeSpan.FromSeconds(2));
    }
}
