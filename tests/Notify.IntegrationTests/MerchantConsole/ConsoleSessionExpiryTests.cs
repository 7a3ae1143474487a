using System.Net;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.MerchantConsole;

[Collection(SweepCollection.Name)]
public sealed class ConsoleSessionExpiryTests(SweepApp app)
{
    [Fact]
    public async Task A_session_ends_after_its_lifetime()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, merchant);
        using var before = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", cookie);

        app.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        using var after = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", cookie);
        using var who = await ConsoleSession.SendAsync(app, HttpMethod.Get, "/api/console/session", cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(who, HttpStatusCode.Unauthorized);
    }
}
