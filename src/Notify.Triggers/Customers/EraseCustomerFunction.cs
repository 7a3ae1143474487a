using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Customers.Erasure;
using Notify.Triggers.Http;

namespace Notify.Triggers.Customers;

/// <summary><c>DELETE /api/merchants/{merchantId}/customers/{customerId}</c>: a merchant erases a customer.</summary>
public sealed class EraseCustomerFunction(CustomerErasure erasure)
{
    /// <summary>204 once the customer's contact details are gone from every order and their deliveries are cancelled.</summary>
    [Function(nameof(EraseCustomer))]
    public async Task<IActionResult> EraseCustomer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/merchants/{merchantId}/customers/{customerId}")] HttpRequest request,
        string merchantId,
        string customerId,
        CancellationToken ct) =>
        Replies.Map(await erasure.EraseAsync(merchantId, request.Headers.Authorization, customerId, ct), _ => new StatusCodeResult(204));
}
