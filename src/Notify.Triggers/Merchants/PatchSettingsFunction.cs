using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Merchants.Changes;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary><c>PATCH /api/merchants/{merchantId}/settings</c>: a merchant changes its own settings (JSON merge patch).</summary>
public sealed class PatchSettingsFunction(MerchantUpdates updates)
{
    /// <summary>200 with the changed profile; 422 naming each bad field or one only the operator may change.</summary>
    [Function(nameof(PatchSettings))]
    public async Task<IActionResult> PatchSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/merchants/{merchantId}/settings")] HttpRequest request,
        string merchantId,
        CancellationToken ct) =>
        Replies.Ok(await updates.PatchSettingsAsync(merchantId, request.Headers.Authorization, request.ContentType, request.Body, ct));
}
