using Microsoft.Playwright;
using Notify.IntegrationTests.MerchantConsole;
using Notify.IntegrationTests.Support;
using Notify.MerchantConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Notify.MerchantConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleApp app)
{
    [Fact]
    public async Task Signing_in_keeps_the_key_in_an_http_only_cookie_only()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();

        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();

        var cookie = await tab.SessionCookieAsync();
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(merchant.ApiKey, cookie.Value);
        Assert.Equal("", await tab.Page.EvaluateAsync<string>("() => document.cookie"));
        var stored = await tab.Page.EvaluateAsync<string>("() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })");
        Assert.DoesNotContain(merchant.ApiKey, stored);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_wrong_key_shows_a_clear_message_and_sets_no_cookie()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();

        await tab.SignInAsync(merchant.Id, "nk_wrong");

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("가게 ID 또는 API 키가 맞지 않습니다");
        Assert.Null(await tab.SessionCookieAsync());
    }

    [Fact]
    public async Task Empty_fields_are_flagged_before_anything_is_sent()
    {
        await using var tab = await app.OpenAsync();
        var posted = 0;
        tab.Page.Request += (_, request) => posted += request.Method == "POST" ? 1 : 0;
        await tab.Page.GotoAsync("/console");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();

        await Expect(tab.Page.GetByText("가게 ID를 입력해 주세요")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByLabel("가게 ID")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tab.Page.GetByLabel("가게 ID")).ToBeFocusedAsync();
        Assert.Equal(0, posted);
    }

    [Fact]
    public async Task Signing_out_returns_to_sign_in_and_the_api_refuses_the_old_session()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        var old = (await tab.SessionCookieAsync())!.Value;

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "가게 콘솔 로그인" })).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText("로그아웃했습니다")).ToBeVisibleAsync();
        Assert.Null(await tab.SessionCookieAsync());
        using var replayed = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", old);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_session_that_ends_on_the_server_brings_the_page_back_to_sign_in()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();

        // Ended elsewhere (another tab signed out): the next poll gets a 401.
        using var _ = await ConsoleSession.SendAsync(app, HttpMethod.Delete, "/api/console/session", (await tab.SessionCookieAsync())!.Value);

        await Expect(tab.Page.GetByText("로그인 시간이 끝났습니다")).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task The_language_follows_the_switch_and_stays_switched()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Orders" })).ToBeVisibleAsync();
        Assert.Equal("en", await tab.Page.GetAttributeAsync("html", "lang"));
        await tab.Page.ReloadAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Orders" })).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "한국어로 보기" }).ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
    }
}
