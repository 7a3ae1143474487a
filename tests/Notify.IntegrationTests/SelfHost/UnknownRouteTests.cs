using System.Net;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.SelfHost;

/// <summary>Requests that match no function still get a problem, not an empty body.</summary>
[Collection(AppCollection.Name)]
public sealed class UnknownRouteTests(NotifyApp app)
{
    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var response = await app.Http.GetAsync("/api/nowhere");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var response = await app.Http.DeleteAsync("/api/receipts/twilio");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }
}
