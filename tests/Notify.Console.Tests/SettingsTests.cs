using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Notify.IntegrationTests.MerchantConsole;
using Notify.IntegrationTests.Support;
using Notify.MerchantConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Notify.MerchantConsole.Tests;

/// <summary>
/// Settings, key rotation and erasure use the merchant routes of the lifecycle work. Where this server has them the
/// flows run end to end; where it does not, the page must say so plainly instead of breaking.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SettingsTests(ConsoleApp app)
{
    private const string NotAvailable = "아직 이 서버에서 제공되지 않습니다";

    [Fact]
    public async Task Settings_are_checked_in_the_page_then_saved()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "설정" }).ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "설정" })).ToBeVisibleAsync();
        var save = tab.Page.GetByRole(AriaRole.Button, new() { Name = "저장" });

        if (!await RouteExistsAsync(merchant, HttpMethod.Get, ""))
        {
            await Expect(save).ToBeDisabledAsync();
            await Expect(tab.Page.GetByText(NotAvailable)).ToBeVisibleAsync();
            return;
        }
        var patches = 0;
        tab.Page.Request += (_, request) => patches += request.Method == "PATCH" ? 1 : 0;
        await tab.Page.GetByLabel("웹훅 URL").FillAsync("http://shop.example.com/hook");
        await save.ClickAsync();
        await Expect(tab.Page.GetByText("https://로 시작하는 주소를 입력해 주세요")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByLabel("웹훅 URL")).ToBeFocusedAsync();
        Assert.Equal(0, patches);

        // A number only the server can tell is not a phone: its problem details land on the field.
        await tab.Page.GetByLabel("웹훅 URL").FillAsync("https://shop.example.com/hook");
        await tab.Page.GetByLabel("알림 받을 전화번호").FillAsync("0000000");
        await save.ClickAsync();
        await Expect(tab.Page.GetByLabel("알림 받을 전화번호")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tab.Page.Locator("#settings-phone-error")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#settings-status [role=alert]")).ToBeVisibleAsync();
        Assert.Equal(1, patches);

        await tab.Page.GetByLabel("알림 받을 전화번호").FillAsync("");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "이메일 위로" }).ClickAsync();
        await save.ClickAsync();

        await Expect(tab.Page.Locator("#settings-status")).ToContainTextAsync("저장했습니다");
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}");
        var profile = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("https://shop.example.com/hook", profile!["webhookUrl"]!.GetValue<string>());
        Assert.Equal(["email", "sms", "webhook"], profile["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_new_api_key_is_shown_once_and_the_console_keeps_working_while_the_old_session_ends()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        var before = (await tab.SessionCookieAsync())!.Value;
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "설정" }).ClickAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "API 키 새로 만들기" }).ClickAsync();
        var dialog = tab.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "새로 만들기" }).ClickAsync();

        if (!await RouteExistsAsync(merchant, HttpMethod.Post, "/api-key/rotate"))
        {
            await Expect(tab.Page.Locator("#new-secret")).ToContainTextAsync(NotAvailable);
            return;
        }
        var shown = tab.Page.GetByLabel("새 API 키 (한 번만 보입니다)");
        await Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^nk_"));
        var newKey = await shown.InputValueAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "복사" })).ToBeVisibleAsync();
        await Eventually.MatchAsync(async () => (await tab.SessionCookieAsync())?.Value, v => v is not null && v != before, what: "a new session");
        using var old = await ConsoleSession.SendAsync(app, HttpMethod.Get, $"/api/merchants/{merchant.Id}/orders", before);
        using var bearer = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders", key: newKey);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "주문" }).ClickAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText("이 기간에 주문이 없습니다")).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_customer_is_erased_only_after_the_confirmation_step()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await merchant.PostAsync(MerchantClient.SampleOrder());
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "고객" }).ClickAsync();
        var rows = tab.Page.Locator("#customers-body tr");
        await Expect(rows).ToContainTextAsync("김민지");
        var erase = tab.Page.GetByRole(AriaRole.Button, new() { Name = "김민지 님 정보 지우기" });

        if (!await CustomersHaveIdsAsync(merchant))
        {
            await Expect(tab.Page.GetByText("이 서버는 고객 삭제를 아직 지원하지 않습니다")).ToBeVisibleAsync();
            await Expect(erase).ToHaveCountAsync(0);
            return;
        }
        await erase.ClickAsync();
        await tab.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "취소" }).ClickAsync();
        await Expect(rows).ToContainTextAsync("김민지");
        await erase.ClickAsync();
        await tab.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "지우기" }).ClickAsync();

        await Expect(tab.Page.GetByText("고객 정보를 지웠습니다").First).ToBeVisibleAsync();
        await Expect(rows).Not.ToContainTextAsync("김민지");
        Assert.Empty(tab.Errors);
    }

    // Probed with a GET, which changes nothing: a GET route answers 200; a route for another method answers 405; none, 404.
    private static async Task<bool> RouteExistsAsync(MerchantClient merchant, HttpMethod method, string path)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}{path}");
        return response.StatusCode == (method == HttpMethod.Get ? HttpStatusCode.OK : HttpStatusCode.MethodNotAllowed);
    }

    private static async Task<bool> CustomersHaveIdsAsync(MerchantClient merchant)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers");
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        return items.Any(c => c!["customerId"] is not null);
    }
}
