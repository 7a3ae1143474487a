using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Broadcasts;
using Notify.Triggers.Http;

namespace Notify.Triggers.Broadcasts;

/// <summary><c>POST /api/merchants/{merchantId}/broadcasts/{broadcastId}/cancel</c>: stop what has not been sent.</summary>
public sealed class CancelBroadcastFunction(BroadcastQueries broadcasts)
{
    /// <summary>The broadcast's progress after cancelling; 409 when it is already done or cancelled.</summary>
    [Function(nameof(CancelBroadcast))]
    public async Task<IActionResult> CancelBroadcast(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/merchants/{merchantId}/broadcasts/{broadcastId}/cancel")] HttpRequest request,
        string merchantId,
        string broadcastId,
        CancellationToken ct) =>
        await Guard.RunAsync(request, async () => Replies.Ok(await broadcasts.CancelAsync(merchantId, MerchantCredentials.Of(request), broadcastId, ct)));
}
