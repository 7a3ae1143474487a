using Microsoft.Extensions.Options;
using Notify.Sandboxes;
using Notify.TwilioSandbox.Messages;

namespace Notify.TwilioSandbox.Callbacks;

/// <summary>
/// Runs every plan in the background for the app's lifetime: each message's statuses in order,
/// different messages side by side, all awaited when the app stops.
/// </summary>
internal sealed partial class CallbackDispatcher(
    StatusCallbacks callbacks,
    CallbackPoster poster,
    MessageLog log,
    TimeProvider clock,
    IOptions<SandboxOptions> options,
    ILogger<CallbackDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new HashSet<Task>();
        try
        {
            await foreach (var plan in callbacks.Plans.ReadAllAsync(stoppingToken))
            {
                running.RemoveWhere(t => t.IsCompleted);
                running.Add(RunAsync(plan, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(CallbackPlan plan, CancellationToken stoppingToken)
    {
        try
        {
            var o = options.Value;
            var pauses = DeliveredLatency.Pauses(plan.Reports.Count, o.CallbackDelay, o.DeliveredMedian, o.DeliveredP99, Random.Shared);
            foreach (var (report, pause) in plan.Reports.Zip(pauses))
            {
                await Task.Delay(pause, clock, stoppingToken);
                log.Report(plan.Message.Sid, report.Status, report.ErrorCode, clock.GetUtcNow());
                if (plan.Message.StatusCallback is { } url)
                {
                    await poster.PostAsync(url, plan.FieldsFor(report), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogPlanFailed(e, plan.Message.Sid);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reporting the statuses of {Sid} failed")]
    private partial void LogPlanFailed(Exception exception, string sid);
}
