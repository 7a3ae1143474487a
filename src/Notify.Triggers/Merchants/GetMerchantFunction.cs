using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Merchants;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary><c>GET /api/admin/merchants/{merchantId}</c>: the operator reads one merchant.</summary>
public sealed class GetMerchantFunction(MerchantDirectory directory)
{
    /// <summary>The profile, never its secret or key; 404 for an unknown merchant.</summary>
    [Function(nameof(GetMerchant))]
    public async Task<IActionResult> GetMerchant(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/{area:regex(^admin$)}/merchants/{merchantId}")] HttpRequest request,
        string merchantId,
        CancellationToken ct) =>
        Replies.Ok(await directory.GetAsync(merchantId, ct));
}
