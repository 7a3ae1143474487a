using System.Net;
using Microsoft.Extensions.Time.Testing;
using Notify.Channels.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Notify.Core.Tests.Channels.Resilience;

/// <summary>The provider circuit opens, waits and tests the provider on the injected clock, never on the wall clock.</summary>
public sealed class BreakerTests
{
    private static readonly TimeSpan BreakFor = TimeSpan.FromSeconds(30);

    private static (Breaker Breaker, FakeTimeProvider Clock) NewBreaker()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        return (new Breaker(clock, 3, BreakFor), clock);
    }

    [Fact]
    public void Opens_after_the_failures_in_a_row_and_refuses_until_the_break_is_over()
    {
        var (breaker, clock) = NewBreaker();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(breaker.TryPass());
            breaker.Failed();
        }

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryPass());
        clock.Advance(BreakFor - TimeSpan.FromMilliseconds(1));
        Assert.False(breaker.TryPass());
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var (breaker, _) = NewBreaker();
        breaker.Failed();
        breaker.Failed();
        breaker.Succeeded();
        breaker.Failed();
        breaker.Failed();

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void After_the_break_one_request_tests_the_provider_and_its_success_closes_the_circuit()
    {
        var (breaker, clock) = NewBreaker();
        for (var i = 0; i < 3; i++) breaker.Failed();
        clock.Advance(BreakFor);

        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.TryPass());
        Assert.False(breaker.TryPass());
        breaker.Succeeded();
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryPass());
    }

    [Fact]
    public void A_failed_test_opens_the_circuit_for_another_break()
    {
        var (breaker, clock) = NewBreaker();
        for (var i = 0; i < 3; i++) breaker.Failed();
        clock.Advance(BreakFor);
        Assert.True(breaker.TryPass());

        breaker.Failed();

        Assert.Equal(CircuitState.Open, breaker.State);
        clock.Advance(BreakFor - TimeSpan.FromMilliseconds(1));
        Assert.False(breaker.TryPass());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(breaker.TryPass());
    }

    [Fact]
    public async Task Policy_counts_only_handled_answers_and_throws_while_open()
    {
        var (breaker, clock) = NewBreaker();
        var policy = new BreakerPolicy(Policy<HttpResponseMessage>.HandleResult(r => (int)r.StatusCode >= 500), breaker);
        var calls = 0;
        Task<HttpResponseMessage> Answer(HttpStatusCode code)
        {
            calls++;
            return Task.FromResult(new HttpResponseMessage(code));
        }

        await policy.ExecuteAsync(() => Answer(HttpStatusCode.BadRequest));
        for (var i = 0; i < 3; i++) await policy.ExecuteAsync(() => Answer(HttpStatusCode.ServiceUnavailable));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => policy.ExecuteAsync(() => Answer(HttpStatusCode.OK)));

        Assert.Equal(4, calls);
        clock.Advance(BreakFor);
        Assert.Equal(HttpStatusCode.OK, (await policy.ExecuteAsync(() => Answer(HttpStatusCode.OK))).StatusCode);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task Policy_counts_handled_exceptions_and_lets_them_through()
    {
        var (breaker, _) = NewBreaker();
        var policy = new BreakerPolicy(Policy<HttpResponseMessage>.Handle<HttpRequestException>(), breaker);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => policy.ExecuteAsync(() => throw new HttpRequestException("refused")));
        }

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task A_trial_call_cancelled_before_any_verdict_hands_the_trial_to_the_next_call()
    {
        var (breaker, clock) = NewBreaker();
        var policy = new BreakerPolicy(Policy<HttpResponseMessage>.Handle<HttpRequestException>(), breaker);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => policy.ExecuteAsync(() => throw new HttpRequestException("refused")));
        }
        clock.Advance(BreakFor);

        // The trial ends with neither a success nor a handled failure (a send cancelled at shutdown).
        await Assert.ThrowsAsync<OperationCanceledException>(() => policy.ExecuteAsync(() => throw new OperationCanceledException()));

        // Before the fix the trial stayed taken: every later call was refused as if the circuit were open, for good.
        Assert.Equal(HttpStatusCode.OK, (await policy.ExecuteAsync(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)))).StatusCode);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }
}
