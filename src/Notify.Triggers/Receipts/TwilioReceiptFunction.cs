using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Receipts;
using Notify.Triggers.Http;

namespace Notify.Triggers.Receipts;

/// <summary><c>POST /api/receipts/twilio</c>: Twilio's signed delivery status callback.</summary>
public sealed class TwilioReceiptFunction(ReceiptService receipts)
{
    /// <summary>
    /// 204 once applied (or recorded as changing nothing); 401 when the signature is missing or does not match; 415,
    /// 413 or 400 for a body that is not a small urlencoded form; 503 while the Twilio auth token is not configured.
    /// </summary>
    [Function(nameof(TwilioReceipt))]
    public async Task<IActionResult> TwilioReceipt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/receipts/twilio")] HttpRequest request,
        CancellationToken ct)
    {
        string? signature = request.Headers["X-Twilio-Signature"];
        var form = await ReceiptForm.ReadAsync(signature, request.ContentType, request.ContentLength, request.Body, ct);
        if (form.Problem is { } problem)
        {
            return new ProblemResult(problem);
        }
        var receipt = new TwilioReceipt(request.Path + request.QueryString, request.Query["attempt"], form.Value!, signature);
        return Replies.Map(await receipts.ApplyAsync(receipt, ct), _ => new NoContentResult());
    }
}
