using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Receipts;
using Notify.Triggers.Http;

namespace Notify.Triggers.Receipts;

/// <summary><c>POST /api/receipts/twilio</c>: Twilio's signed delivery status callback.</summary>
public sealed class TwilioReceiptFunction(ReceiptService receipts)
{
    /// <summary>204 once applied (or recorded as changing nothing); 401 when the signature does not match.</summary>
    [Function("TwilioReceipt")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/receipts/twilio")] HttpRequest request,
        CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var fields = form?.ToDictionary(f => f.Key, f => f.Value.ToString()) ?? [];
        var receipt = new TwilioReceipt(request.Path + request.QueryString, request.Query["attempt"], fields, request.Headers["X-Twilio-Signature"]);
        return await Guard.RunAsync(request, async () => Replies.Map(await receipts.ApplyAsync(receipt, ct), _ => new NoContentResult()));
    }
}
