using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Notify.SelfHost.Timers;

namespace Notify.IntegrationTests.SelfHost;

/// <summary>The self-host runs the sweep on the same NCRONTAB schedule the Functions timer reads, on the injected clock.</summary>
public sealed class SweepTimerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sweep_runs_on_each_tick_of_its_schedule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var ticks = new SemaphoreSlim(0);
        var runs = new List<DateTimeOffset>();
        using var timer = new SweepTimer(_ => { lock (runs) { runs.Add(clock.GetUtcNow()); } ticks.Release(); return Task.CompletedTask; },
            "*/30 * * * * *", clock, NullLogger<SweepTimer>.Instance);

        await timer.StartAsync(CancellationToken.None);
        await AdvanceUntilTickAsync(clock, ticks);
        await AdvanceUntilTickAsync(clock, ticks);
        await timer.StopAsync(CancellationToken.None);

        Assert.Equal(2, runs.Count);
        Assert.True(runs[0] >= clock.Start.AddSeconds(30), $"first tick at {runs[0]:O}");
        Assert.True(runs[1] - runs[0] >= TimeSpan.FromSeconds(30), $"{runs[0]:O} then {runs[1]:O}");
    }

    [Fact]
    public async Task Sweep_does_not_run_before_its_first_tick()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var runs = 0;
        using var timer = new SweepTimer(_ => { Interlocked.Increment(ref runs); return Task.CompletedTask; }, "*/30 * * * * *", clock, NullLogger<SweepTimer>.Instance);

        await timer.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(29));
        await timer.StopAsync(CancellationToken.None);

        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task Empty_schedule_turns_the_timer_off()
    {
        var runs = 0;
        using var timer = new SweepTimer(_ => { runs++; return Task.CompletedTask; }, "", new FakeTimeProvider(), NullLogger<SweepTimer>.Instance);

        await timer.StartAsync(CancellationToken.None);
        await timer.ExecuteTask!.WaitAsync(Bound);

        Assert.True(timer.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task A_failing_sweep_does_not_stop_the_timer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var ticks = new SemaphoreSlim(0);
        var calls = 0;
        using var timer = new SweepTimer(_ =>
        {
            ticks.Release();
            return Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("storage down") : Task.CompletedTask;
        }, "*/30 * * * * *", clock, NullLogger<SweepTimer>.Instance);

        await timer.StartAsync(CancellationToken.None);
        await AdvanceUntilTickAsync(clock, ticks);
        await AdvanceUntilTickAsync(clock, ticks);
        await timer.StopAsync(CancellationToken.None);

        Assert.Equal(2, calls);
    }

    // Moves the fake clock a second at a time until the timer ticks. The timer's loop runs on a background thread
    // and may register its next wait just after an advance, so one big jump could land before the wait exists.
    private static async Task AdvanceUntilTickAsync(FakeTimeProvider clock, SemaphoreSlim ticks)
    {
        for (var step = 0; step < 120; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            if (await ticks.WaitAsync(TimeSpan.FromMilliseconds(50)))
            {
                return;
            }
        }
        Assert.Fail("The timer did not tick within two minutes of fake time.");
    }
}
