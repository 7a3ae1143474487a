using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using NCrontab;
using Notify.Configuration;
using Notify.Triggers.Retention;
using Notify.Triggers.Sweep;

namespace Notify.SelfHost.Timers;

/// <summary>
/// Runs a timer function on its schedule setting (NCRONTAB with seconds, as the Functions timer reads it): the stall
/// sweep on <c>Notify:SweepSchedule</c>, the retention sweep on <c>Notify:RetentionSchedule</c>.
/// The WebJobs timer extension cannot load beside the storage extensions here, so the schedule is kept by hand;
/// an empty schedule turns it off.
/// </summary>
public sealed class SweepTimer(Func<CancellationToken, Task> sweep, string? schedule, TimeProvider clock, ILogger<SweepTimer> logger) : BackgroundService
{
    // The schedule counts from when the host built the timer, however late the background loop gets going.
    private readonly DateTime _created = clock.GetUtcNow().UtcDateTime;

    /// <summary>The timer for <see cref="StallSweepFunction"/> on <c>Notify:SweepSchedule</c>.</summary>
    public static SweepTimer ForStallSweep(IServiceProvider services) =>
        For<StallSweepFunction>(services, o => o.SweepSchedule, (f, ct) => f.StallSweep(new TimerInfo(), ct));

    /// <summary>The timer for <see cref="RetentionSweepFunction"/> on <c>Notify:RetentionSchedule</c>.</summary>
    public static SweepTimer ForRetention(IServiceProvider services) =>
        For<RetentionSweepFunction>(services, o => o.RetentionSchedule, (f, ct) => f.RetentionSweep(new TimerInfo(), ct));

    // One line per timer function: each run calls the function in a scope of its own, as the Functions host does.
    private static SweepTimer For<TFunction>(
        IServiceProvider services, Func<NotifyOptions, string?> schedule, Func<TFunction, CancellationToken, Task> run)
        where TFunction : notnull => new(
        async ct =>
        {
            using var scope = services.CreateScope();
            await run(scope.ServiceProvider.GetRequiredService<TFunction>(), ct);
        },
        schedule(services.GetRequiredService<IOptions<NotifyOptions>>().Value),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<SweepTimer>>());

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return;
        }
        var cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var last = _created;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Counted from the last tick, not from now, so a test (or a slow sweep) that lets time jump past a tick
            // still gets that tick at once; a sweep slower than a whole interval is caught up once, not per tick missed.
            var next = cron.GetNextOccurrence(last);
            var wait = new DateTimeOffset(next, TimeSpan.Zero) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            last = cron.GetNextOccurrence(next) < now ? now : next;
            try
            {
                await sweep(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A timer run failed; it runs again on schedule");
            }
        }
    }
}
