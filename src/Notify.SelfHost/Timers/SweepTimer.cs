using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using NCrontab;
using Notify.Configuration;
using Notify.Triggers.Sweep;

namespace Notify.SelfHost.Timers;

/// <summary>
/// Runs the stall sweep on <c>Notify:SweepSchedule</c> (NCRONTAB with seconds, as the Functions timer reads it).
/// The WebJobs timer extension cannot load beside the storage extensions here, so the schedule is kept by hand;
/// an empty schedule turns it off.
/// </summary>
public sealed class SweepTimer(IServiceScopeFactory scopes, IOptions<NotifyOptions> options, TimeProvider clock, ILogger<SweepTimer> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SweepSchedule))
        {
            return;
        }
        var schedule = CrontabSchedule.Parse(options.Value.SweepSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now.UtcDateTime);
            await Task.Delay(new DateTimeOffset(next, TimeSpan.Zero) - now, clock, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<StallSweepFunction>().Run(new TimerInfo(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The stall sweep failed; it runs again on schedule");
            }
        }
    }
}
