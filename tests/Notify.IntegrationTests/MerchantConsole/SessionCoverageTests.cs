using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Notify.IntegrationTests.Support;
using Notify.SelfHost.Http;

namespace Notify.IntegrationTests.MerchantConsole;

/// <summary>
/// Every merchant route takes the console session as it takes the Bearer key, and only for its own merchant: a
/// function that reads <c>Authorization</c> itself instead of <c>MerchantCredentials.Of</c> fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionCoverageTests(NotifyApp app)
{
    private const string MerchantPrefix = "api/merchants/{merchantId}";

    public static TheoryData<string, string> MerchantRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (_, _, trigger) in HttpFunctions.Discover())
        {
            // Intake is signed with the webhook secret, not a key.
            if (trigger.AuthLevel != AuthorizationLevel.Anonymous || !trigger.Route!.StartsWith(MerchantPrefix, StringComparison.Ordinal)
                || trigger.Route == MerchantPrefix + "/orders" && trigger.Methods!.Contains("post"))
            {
                continue;
            }
            foreach (var method in trigger.Methods!)
            {
                data.Add(method.ToUpperInvariant(), trigger.Route);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MerchantRoutes))]
    public async Task A_session_is_accepted_for_its_own_merchant_only(string method, string route)
    {
        var mine = await MerchantClient.CreateAsync(app);
        var theirs = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, mine);

        using var other = await ConsoleSession.SendAsync(app, new HttpMethod(method), Path(route, theirs.Id), cookie, content: Body(method));
        using var own = await ConsoleSession.SendAsync(app, new HttpMethod(method), Path(route, mine.Id), cookie, content: Body(method));

        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, own.StatusCode);
        Assert.True((int)own.StatusCode < 500, $"{method} {route}: {(int)own.StatusCode}");
    }

    [Fact]
    public async Task A_state_changing_request_with_a_session_but_without_the_console_header_is_refused()
    {
        // The merchant routes that change state (rotation, settings, erasure) come with the lifecycle work.
        foreach (var (method, route) in MerchantRoutes().Select(row => ((string)row[0], (string)row[1])).Where(r => r.Item1 is not ("GET" or "HEAD")))
        {
            var merchant = await MerchantClient.CreateAsync(app);
            var cookie = await ConsoleSession.CookieAsync(app, merchant);

            using var response = await ConsoleSession.SendAsync(app, new HttpMethod(method), Path(route, merchant.Id), cookie, consoleHeader: false, content: Body(method));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {route}: {(int)response.StatusCode}");
        }
    }

    private static string Path(string route, string merchantId) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(route.Replace("{merchantId}", merchantId, StringComparison.Ordinal), "\\{[^}]+\\}", "c_none");

    private static StringContent? Body(string method) =>
        method is "GET" or "HEAD" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json");
}
