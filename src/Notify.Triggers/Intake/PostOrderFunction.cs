using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Intake;
using Notify.Triggers.Http;

namespace Notify.Triggers.Intake;

/// <summary><c>POST /api/merchants/{merchantId}/orders</c>: a merchant posts a signed order.</summary>
public sealed class PostOrderFunction(IntakeService intake)
{
    /// <summary>202 with the order id once the order is stored; 200 for a resend of the same order.</summary>
    [Function(nameof(PostOrder))]
    public async Task<IActionResult> PostOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/merchants/{merchantId}/orders")] HttpRequest request,
        string merchantId,
        CancellationToken ct)
    {
        var h = request.Headers;
        var signed = new SignedOrder(merchantId, h["webhook-id"], h["webhook-timestamp"], h["webhook-signature"], request.ContentType, request.Body);
        return await Guard.RunAsync(request, async () => Replies.Map(await intake.AcceptAsync(signed, ct), receipt => new JsonReply(
            receipt.IsNew ? 202 : 200,
            new { receipt.OrderId },
            $"/api/merchants/{Uri.EscapeDataString(merchantId)}/orders/{receipt.OrderId}")));
    }
}
