using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.MerchantConsole;

[Collection(AppCollection.Name)]
public sealed class ConsoleSessionTests(NotifyApp app)
{
    [Fact]
    public async Task Sign_in_sets_an_http_only_strict_cookie_that_reads_the_merchants_orders()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await merchant.PostAsync(MerchantClient.SampleOrder());

        using var signIn = await ConsoleSession.SignInAsync(app, merchant.Id, merchant.ApiKey);
        var session = await signIn.Content.ReadFromJsonAsync<JsonObject>();
        var setCookie = ConsoleSession.SetCookie(signIn)!;
        using var orders = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", ConsoleSession.CookieValue(signIn)!, consoleHeader: false);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(merchant.Id, session!["merchantId"]!.GetValue<string>());
        Assert.DoesNotContain(merchant.ApiKey, await signIn.Content.ReadAsStringAsync());
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api", setCookie, StringComparison.OrdinalIgnoreCase);
        // The app is reached on 127.0.0.1 over http: a Secure cookie would never come back.
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        Assert.Single((await orders.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }

    [Fact]
    public async Task A_wrong_key_gets_a_clear_401_and_no_cookie()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var wrong = await ConsoleSession.SignInAsync(app, merchant.Id, "nk_not-the-key");
        using var unknown = await ConsoleSession.SignInAsync(app, "m_0000000000000000", merchant.ApiKey);

        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Null(ConsoleSession.SetCookie(wrong));
        Assert.Null(ConsoleSession.SetCookie(unknown));
    }

    [Fact]
    public async Task Missing_fields_are_a_422_with_each_field_named()
    {
        using var response = await ConsoleSession.SignInAsync(app, "", "");

        var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)422);
        Assert.NotNull(problem["errors"]!["merchantId"]);
        Assert.NotNull(problem["errors"]!["apiKey"]);
        Assert.Null(ConsoleSession.SetCookie(response));
    }

    [Fact]
    public async Task Sign_in_without_the_console_header_is_refused()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await ConsoleSession.SignInAsync(app, merchant.Id, merchant.ApiKey, consoleHeader: false);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Null(ConsoleSession.SetCookie(response));
    }

    [Fact]
    public async Task A_session_never_reaches_another_merchants_routes()
    {
        var mine = await MerchantClient.CreateAsync(app);
        var theirs = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, mine);

        foreach (var path in new[] { "/orders", "/customers", "/channels" })
        {
            using var response = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{theirs.Id}{path}", cookie);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_forged_or_altered_cookie_is_refused()
    {
        var mine = await MerchantClient.CreateAsync(app);
        var theirs = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, mine);
        var parts = cookie.Split('.');
        var moved = string.Join('.', [theirs.Id, .. parts[1..]]);
        var extended = string.Join('.', [parts[0], parts[1], (long.Parse(parts[2]) + 86400).ToString(), parts[3]]);

        using var a = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{theirs.Id}/orders", moved);
        using var b = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{mine.Id}/orders", extended);
        using var c = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{mine.Id}/orders", "garbage");

        await ProblemAssert.IsProblemAsync(a, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(b, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(c, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_out_clears_the_cookie_and_the_old_session_is_refused()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, merchant);

        using var signOut = await ConsoleSession.SendAsync(app, HttpMethod.Delete, "/api/console/session", cookie);
        using var after = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", cookie);
        using var who = await ConsoleSession.SendAsync(app, HttpMethod.Get, "/api/console/session", cookie);
        using var again = await ConsoleSession.SendAsync(app, HttpMethod.Delete, "/api/console/session", cookie);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", ConsoleSession.SetCookie(signOut)!, StringComparison.OrdinalIgnoreCase);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(who, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task Sign_out_needs_the_console_header_so_another_site_cannot_end_a_session()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, merchant);

        using var forged = await ConsoleSession.SendAsync(app, HttpMethod.Delete, "/api/console/session", cookie, consoleHeader: false);
        using var after = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", cookie);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_current_session_says_who_is_signed_in()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, merchant);

        using var response = await ConsoleSession.SendAsync(app, HttpMethod.Get, "/api/console/session", cookie);
        using var none = await ConsoleSession.Client(app).GetAsync("/api/console/session");
        var session = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(merchant.Id, session!["merchantId"]!.GetValue<string>());
        Assert.Equal("쑥떡집", session["name"]!.GetValue<string>());
        Assert.Equal("ko-KR", session["locale"]!.GetValue<string>());
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bearer_keys_keep_working_beside_sessions()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await ConsoleSession.CookieAsync(app, merchant);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_session_made_with_a_key_that_was_since_replaced_is_refused()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var cookie = await ConsoleSession.CookieAsync(app, merchant);
        // Stands in for key rotation (the lifecycle work adds the route): the stored hash changes.
        var table = app.Storage.Table(Notify.Storage.StorageNames.MerchantsTable);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(merchant.Id, "profile")).Value;
        row["ApiKeyHash"] = Notify.Merchants.ApiKeys.Hash(Notify.Merchants.ApiKeys.New());
        await table.UpdateEntityAsync(row, row.ETag);

        // The merchant profile is cached for a few seconds per instance; the session ends once the new hash is read.
        await Eventually.MatchAsync(
            async () => (await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", cookie)).StatusCode,
            status => status == HttpStatusCode.Unauthorized, what: "the old session to be refused");
    }
}
