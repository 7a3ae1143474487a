using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Common;
using Notify.Merchants;
using Notify.Merchants.Changes;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary>
/// <c>POST /api/admin/merchants</c>: the operator creates a merchant. Function level, so the host's <c>operator</c> key
/// opens it: the master key, which also drives the host's admin API, is never handed out for it.
/// </summary>
public sealed class CreateMerchantFunction(MerchantService merchants)
{
    /// <summary>201 with the merchant's id, webhook secret and API key (shown once).</summary>
    // The Functions host refuses routes that start with "admin" (its own API lives at /admin); with the fixed "api"
    // prefix there is no clash, so a one-value route parameter keeps the contract's path on both hosts.
    [Function(nameof(CreateMerchant))]
    public async Task<IActionResult> CreateMerchant(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/{area:regex(^admin$)}/merchants")] HttpRequest request,
        CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<CreateMerchant>(request.Body, 16 * 1024, ct);
        if (body.Problem is { } problem)
        {
            return new ProblemResult(problem);
        }
        return await Guard.RunAsync(request, async () => Replies.Map(await merchants.CreateAsync(body.Value!, ct), m => new JsonReply(201, m)));
    }
}
