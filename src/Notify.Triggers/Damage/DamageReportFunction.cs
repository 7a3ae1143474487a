using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Damage;
using Notify.Triggers.Http;

namespace Notify.Triggers.Damage;

/// <summary><c>GET /api/merchants/{merchantId}/damage</c>: what an outage cost the merchant over a window, as JSON or CSV.</summary>
public sealed class DamageReportFunction(DamageQueries damage)
{
    /// <summary>The damage report for <c>from</c>–<c>to</c>.</summary>
    [Function(nameof(DamageReport))]
    public async Task<IActionResult> DamageReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}/damage")] HttpRequest request,
        string merchantId,
        CancellationToken ct)
    {
        return await Guard.RunAsync(request, async () =>
        {
            var report = await damage.ReportAsync(merchantId, MerchantCredentials.Of(request), request.Query["from"], request.Query["to"], ct);
            return Replies.WantsCsv(request)
                ? Replies.Map(report, r => new CsvReply<DamageCsvRow>(DamageCsv.Rows(r).ToAsyncEnumerable(), DamageCsv.Columns, "damage.csv"))
                : Replies.Ok(report);
        });
    }
}
