using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Merchants.Rotation;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary><c>POST /api/merchants/{merchantId}/webhook-secret/rotate</c>: a merchant replaces its webhook secret.</summary>
public sealed class RotateWebhookSecretFunction(CredentialRotation rotation)
{
    /// <summary>200 with the new secret (shown once) and until when the old one still signs and verifies.</summary>
    [Function(nameof(RotateWebhookSecret))]
    public async Task<IActionResult> RotateWebhookSecret(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/merchants/{merchantId}/webhook-secret/rotate")] HttpRequest request,
        string merchantId,
        CancellationToken ct) =>
        Replies.Ok(await rotation.RotateWebhookSecretAsync(merchantId, request.Headers.Authorization, ct));
}
