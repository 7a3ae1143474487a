using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Orders;
using Notify.Triggers.Http;

namespace Notify.Triggers.Orders;

/// <summary><c>GET /api/merchants/{merchantId}/orders</c>: orders in a window, as JSON pages or one CSV export.</summary>
public sealed class ListOrdersFunction(OrderQueries orders)
{
    /// <summary>A page of orders, or every order in the window as CSV.</summary>
    [Function(nameof(ListOrders))]
    public async Task<IActionResult> ListOrders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}/orders")] HttpRequest request,
        string merchantId,
        CancellationToken ct)
    {
        var q = request.Query;
        var window = OrderWindow.Parse(q["from"], q["to"], q["status"], q["limit"], q["continuationToken"]);
        if (window.Problem is { } problem)
        {
            return new ProblemResult(problem);
        }
        var auth = MerchantCredentials.Of(request);
        return await Guard.RunAsync(request, async () => Replies.WantsCsv(request)
            ? Replies.Map(await orders.ExportAsync(merchantId, auth, window.Value!, ct), rows => new CsvReply<OrderView>(rows, OrderCsv.Columns, "orders.csv"))
            : Replies.Ok(await orders.ListAsync(merchantId, auth, window.Value!, ct)));
    }
}
