using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Merchants.Rotation;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary><c>POST /api/merchants/{merchantId}/api-key/rotate</c>: a merchant replaces its API key.</summary>
public sealed class RotateApiKeyFunction(CredentialRotation rotation)
{
    /// <summary>200 with the new key (shown once) and when the old one stops working.</summary>
    [Function(nameof(RotateApiKey))]
    public async Task<IActionResult> RotateApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/merchants/{merchantId}/api-key/rotate")] HttpRequest request,
        string merchantId,
        CancellationToken ct) =>
        Replies.Ok(await rotation.RotateApiKeyAsync(merchantId, request.Headers.Authorization, ct));
}
