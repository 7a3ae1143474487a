using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Merchants;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary><c>GET /api/merchants/{merchantId}</c>: a merchant reads its own profile.</summary>
public sealed class GetOwnProfileFunction(MerchantDirectory directory)
{
    /// <summary>The profile, never the secret or key.</summary>
    [Function(nameof(GetOwnProfile))]
    public async Task<IActionResult> GetOwnProfile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}")] HttpRequest request,
        string merchantId,
        CancellationToken ct) =>
        Replies.Ok(await directory.GetOwnAsync(merchantId, request.Headers.Authorization, ct));
}
