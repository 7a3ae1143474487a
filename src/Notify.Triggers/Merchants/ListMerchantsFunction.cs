using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Merchants;
using Notify.Storage;
using Notify.Triggers.Http;

namespace Notify.Triggers.Merchants;

/// <summary><c>GET /api/admin/merchants</c>: the operator pages through merchants.</summary>
public sealed class ListMerchantsFunction(MerchantDirectory directory)
{
    /// <summary>A page of profiles (never secrets or keys), with the token for the next.</summary>
    [Function(nameof(ListMerchants))]
    public async Task<IActionResult> ListMerchants(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/{area:regex(^admin$)}/merchants")] HttpRequest request,
        CancellationToken ct)
    {
        var page = PageRequest.Parse(request.Query["limit"], request.Query["continuationToken"]);
        return page.Problem is { } problem ? new ProblemResult(problem) : Replies.Ok(await directory.ListAsync(page.Value!, ct));
    }
}
