using Microsoft.Extensions.Options;
using Notify.KakaoSandbox.Messages;
using Notify.Sandboxes;

namespace Notify.KakaoSandbox.Reports;

/// <summary>
/// Runs every plan in the background for the app's lifetime, each status after <see cref="KakaoSandboxOptions.ResultDelay"/>:
/// a client sees it by listing the message (GET /messages/v4/list), as with SOLAPI.
/// </summary>
internal sealed partial class ResultDispatcher(
    MessageResults results,
    MessageLog log,
    TimeProvider clock,
    IOptions<KakaoSandboxOptions> options,
    ILogger<ResultDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new HashSet<Task>();
        try
        {
            await foreach (var plan in results.Plans.ReadAllAsync(stoppingToken))
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

    private async Task RunAsync(ResultPlan plan, CancellationToken stoppingToken)
    {
        try
        {
            var o = options.Value;
            var pauses = DeliveredLatency.Pauses(plan.Codes.Count, o.ResultDelay, o.DeliveredMedian, o.DeliveredP99, Random.Shared);
            foreach (var (code, pause) in plan.Codes.Zip(pauses))
            {
                await Task.Delay(pause, clock, stoppingToken);
                log.Report(plan.MessageId, code, clock.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogPlanFailed(e, plan.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reporting the results of {MessageId} failed")]
    private partial void LogPlanFailed(Exception exception, string messageId);
}
