using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Operations;
using Notify.Triggers.Http;

namespace Notify.Triggers.Operations;

/// <summary><c>GET /api/health</c>: anonymous, for load balancers and probes; 503 with Retry-After while storage is unreachable.</summary>
public sealed class HealthFunction(HealthCheck health)
{
    /// <summary>200 with the report (<c>ok</c> or <c>degraded</c>), or a 503 problem.</summary>
    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        CancellationToken ct) =>
        await Guard.RunAsync(request, async () => new JsonReply(200, await health.ReadAsync(ct)));
}
