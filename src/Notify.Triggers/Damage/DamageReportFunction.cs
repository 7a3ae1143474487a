using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Damage;
using Notify.Triggers.Http;

namespace Notify.Triggers.Damage;

/// <summary><c>GET /api/merchants/{merchantId}/damage</c>: what an outage cost the merchant over a window, as JSON or CSV.</summary>
public sealed class DamageReportFunction(DamageQueries damage, TimeProvider clock)
{
    /// <summary>The damage report for <c>from</c>–<c>to</c>.</summary>
    [Function(nameof(DamageReport))]
    public async Task<IActionResult> DamageReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}/damage")] HttpRequest request,
        string merchantId,
        CancellationToken ct)
    {
        var window = DamageWindow.Parse(request.Query["from"], request.Query["to"], clock.GetUtcNow());
        if (window.Problem is { } problem)
        {
            return new ProblemResult(problem);
        }
        var report = await damage.ReportAsync(merchantId, request.Headers.Authorization.ToString(), window.Value!, ct);
        return Replies.WantsCsv(request)
            ? Replies.Map(report, r => new CsvReply<DamageCsvRow>(DamageCsv.Rows(r).ToAsyncEnumerable(), DamageCsv.Columns, "damage.csv"))
            : Replies.Ok(report);
    }
}
