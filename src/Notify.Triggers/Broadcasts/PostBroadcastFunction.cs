using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Broadcasts;
using Notify.Common;
using Notify.Triggers.Http;

namespace Notify.Triggers.Broadcasts;

/// <summary><c>POST /api/merchants/{merchantId}/broadcasts</c>: a notice to the customers of a window's orders, one message each.</summary>
public sealed class PostBroadcastFunction(BroadcastService broadcasts)
{
    /// <summary>202 with the broadcast's id and how many customers it goes to.</summary>
    [Function(nameof(PostBroadcast))]
    public async Task<IActionResult> PostBroadcast(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/merchants/{merchantId}/broadcasts")] HttpRequest request,
        string merchantId,
        CancellationToken ct)
    {
        return await Guard.RunAsync(request, async () =>
        {
            var body = await JsonBody.ReadAsync<NewBroadcast>(request.Body, 16 * 1024, ct);
            if (body.Problem is { } problem)
            {
                return new ProblemResult(problem);
            }
            var accepted = await broadcasts.PostAsync(merchantId, MerchantCredentials.Of(request), request.Headers["Idempotency-Key"].FirstOrDefault(), body.Value!, ct);
            return Replies.Map(accepted, a => new JsonReply(202, a, $"/api/merchants/{merchantId}/broadcasts/{a.BroadcastId}"));
        });
    }
}
