using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Merchants.Changes;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary><c>PATCH /api/admin/merchants/{merchantId}</c>: the operator changes a merchant (JSON merge patch).</summary>
public sealed class PatchMerchantFunction(MerchantUpdates updates)
{
    /// <summary>200 with the changed profile; 422 naming each bad or unknown field; 404 for an unknown merchant.</summary>
    [Function(nameof(PatchMerchant))]
    public async Task<IActionResult> PatchMerchant(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "api/{area:regex(^admin$)}/merchants/{merchantId}")] HttpRequest request,
        string merchantId,
        CancellationToken ct) =>
        Replies.Ok(await updates.PatchAsync(merchantId, request.ContentType, request.Body, ct));
}
