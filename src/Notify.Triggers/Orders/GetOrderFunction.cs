using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Orders;
using Notify.Triggers.Http;

namespace Notify.Triggers.Orders;

/// <summary><c>GET /api/merchants/{merchantId}/orders/{orderId}</c>: one order with its confirmation.</summary>
public sealed class GetOrderFunction(OrderQueries orders)
{
    /// <summary>The order, its customer, and how its confirmation went.</summary>
    [Function(nameof(GetOrder))]
    public async Task<IActionResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}/orders/{orderId}")] HttpRequest request,
        string merchantId,
        string orderId,
        CancellationToken ct) =>
        await Guard.RunAsync(request, async () => Replies.Ok(await orders.GetAsync(merchantId, MerchantCredentials.Of(request), orderId, ct)));
}
