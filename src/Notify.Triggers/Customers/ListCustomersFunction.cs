using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Customers;
using Notify.Storage;
using Notify.Triggers.Http;

namespace Notify.Triggers.Customers;

/// <summary><c>GET /api/merchants/{merchantId}/customers</c>: the contact list, as JSON pages or one CSV export.</summary>
public sealed class ListCustomersFunction(CustomerQueries customers)
{
    /// <summary>A page of contacts, or all of them as CSV.</summary>
    [Function(nameof(ListCustomers))]
    public async Task<IActionResult> ListCustomers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}/customers")] HttpRequest request,
        string merchantId,
        CancellationToken ct)
    {
        var page = PageRequest.Parse(request.Query["limit"], request.Query["continuationToken"]);
        if (page.Problem is { } problem)
        {
            return new ProblemResult(problem);
        }
        var auth = MerchantCredentials.Of(request);
        return await Guard.RunAsync(request, async () => Replies.WantsCsv(request)
            ? Replies.Map(await customers.ExportAsync(merchantId, auth, ct), rows => new CsvReply<ContactView>(rows, ContactCsv.Columns, "customers.csv"))
            : Replies.Ok(await customers.ListAsync(merchantId, auth, page.Value!, ct)));
    }
}
