using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Broadcasts;
using Notify.Triggers.Http;

namespace Notify.Triggers.Broadcasts;

/// <summary><c>GET /api/merchants/{merchantId}/broadcasts/{broadcastId}</c>: how far a broadcast has got.</summary>
public sealed class GetBroadcastFunction(BroadcastQueries broadcasts)
{
    /// <summary>The broadcast's status and its recipients by state and channel.</summary>
    [Function(nameof(GetBroadcast))]
    public async Task<IActionResult> GetBroadcast(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}/broadcasts/{broadcastId}")] HttpRequest request,
        string merchantId,
        string broadcastId,
        CancellationToken ct) =>
        await Guard.RunAsync(request, async () => Replies.Ok(await broadcasts.GetAsync(merchantId, MerchantCredentials.Of(request), broadcastId, ct)));
}
