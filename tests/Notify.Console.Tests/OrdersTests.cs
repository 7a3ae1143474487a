using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Notify.IntegrationTests.Support;
using Notify.MerchantConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Notify.MerchantConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class OrdersTests(ConsoleApp app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Polled = new() { Timeout = 30_000 };

    [Fact]
    public async Task An_order_posted_while_the_page_is_open_appears_without_a_reload()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await merchant.PostAsync(MerchantClient.SampleOrder("B-1001"));
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "B-1001" })).ToBeVisibleAsync();
        var navigations = 0;
        tab.Page.FrameNavigated += (_, frame) => navigations += frame == tab.Page.MainFrame ? 1 : 0;

        await merchant.PostAsync(MerchantClient.SampleOrder("B-1002"));

        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "B-1002" })).ToBeVisibleAsync(Polled);
        Assert.Equal(0, navigations);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Orders_are_found_by_phone_name_or_order_number_and_filtered_by_status()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var other = MerchantClient.SampleOrder("C-2002");
        other["customer"] = new JsonObject { ["name"] = "박서준", ["phone"] = "010-5555-0101" };
        await merchant.PostAsync(MerchantClient.SampleOrder("C-2001"));
        await merchant.PostAsync(other);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        var search = tab.Page.GetByRole(AriaRole.Searchbox, new() { Name = "검색" });
        var rows = tab.Page.Locator("#orders-body tr[data-order]");
        await Expect(rows).ToHaveCountAsync(2);

        await search.FillAsync("010-5555-0101");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("C-2002");
        await search.FillAsync("김민지");
        await Expect(rows).ToContainTextAsync("C-2001");
        await search.FillAsync("C-2002");
        await Expect(rows).ToContainTextAsync("박서준");

        await search.FillAsync("");
        await Eventually.MatchAsync(() => StatusAsync(merchant, "C-2001"), s => s == "confirmed", what: "C-2001 confirmed");
        await Eventually.MatchAsync(() => StatusAsync(merchant, "C-2002"), s => s == "confirmed", what: "C-2002 confirmed");
        await tab.Page.GetByLabel("상태").SelectOptionAsync("exhausted");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "보기" }).ClickAsync();
        await Expect(tab.Page.GetByText("이 기간에 주문이 없습니다")).ToBeVisibleAsync();
        await tab.Page.GetByLabel("상태").SelectOptionAsync("confirmed");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "보기" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("확인됨");
        await Expect(rows.First).ToContainTextAsync("문자");
    }

    [Fact]
    public async Task The_timeline_tells_an_sms_failure_then_an_email_confirmation_in_plain_words()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = MerchantClient.SampleOrder("D-3001");
        order["customer"] = new JsonObject { ["name"] = "이하늘", ["phone"] = "010-7777-0303", ["email"] = "haneul@example.com" };
        // An invalid number: this customer's SMS fails for good, so the e-mail goes out.
        await app.Sandbox.SetModeAsync("fail", "+821077770303", status: 400, code: 21211);
        using var posted = await merchant.PostAsync(order);
        var orderId = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
        await Eventually.MatchAsync(() => StatusAsync(merchant, "D-3001"), s => s == "confirmed", what: "the e-mail confirmation");
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "D-3001" }).ClickAsync();

        await Expect(tab.Page.Locator("#order-story")).ToHaveTextAsync("문자 실패 → 이메일로 확인됨");
        var steps = tab.Page.Locator("#timeline li");
        await Expect(steps).ToHaveCountAsync(2);
        await Expect(steps.Nth(0)).ToContainTextAsync("문자 · 실패");
        await Expect(steps.Nth(0)).ToContainTextAsync("오류");
        await Expect(steps.Nth(1)).ToContainTextAsync("이메일 · 전달됨");
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "010-7777-0303" })).ToHaveAttributeAsync("href", "tel:+821077770303");
        Assert.EndsWith($"#/orders/{orderId}", tab.Page.Url);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Customers_are_searched_called_and_exported_as_csv()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var other = MerchantClient.SampleOrder();
        other["customer"] = new JsonObject { ["name"] = "최유리", ["email"] = "yuri@example.com" };
        await merchant.PostAsync(MerchantClient.SampleOrder());
        await merchant.PostAsync(other);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "고객" }).ClickAsync();
        var rows = tab.Page.Locator("#customers-body tr");
        await Expect(rows).ToHaveCountAsync(2);

        await tab.Page.GetByRole(AriaRole.Searchbox, new() { Name = "고객 검색" }).FillAsync("yuri");
        await Expect(rows).ToHaveCountAsync(1);
        await tab.Page.GetByRole(AriaRole.Searchbox, new() { Name = "고객 검색" }).FillAsync("");
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "010-1234-5678" })).ToHaveAttributeAsync("href", "tel:+821012345678");
        var download = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.GetByRole(AriaRole.Link, new() { Name = "고객 CSV 내려받기" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal("customers.csv", download.SuggestedFilename);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes);
        Assert.Contains("김민지", csv);
        Assert.Contains("최유리", csv);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task Routes_this_server_does_not_have_yet_say_so_instead_of_failing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();

        await tab.Page.GotoAsync("/console#/damage");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "피해 보고" })).ToBeVisibleAsync();
        // On a server with the broadcast and damage routes these show real numbers; without them, a plain notice.
        if (!await HasRouteAsync(merchant, "/damage"))
        {
            await Expect(tab.Page.Locator("#damage")).ToContainTextAsync("아직 이 서버에서 제공되지 않습니다");
        }
        await tab.Page.GotoAsync("/console#/broadcast");
        await tab.Page.GetByLabel("보낼 내용").FillAsync("오늘 배송이 한 시간 늦어집니다. 죄송합니다.");
        await Expect(tab.Page.Locator("#broadcast-preview")).ToContainTextAsync("SMS");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "보내기" }).ClickAsync();

        if (!await HasRouteAsync(merchant, "/broadcasts/none"))
        {
            await Expect(tab.Page.Locator("#broadcast-status")).ToContainTextAsync("아직 이 서버에서 제공되지 않습니다");
        }
        Assert.Empty(tab.Errors);
    }

    private static async Task<bool> HasRouteAsync(MerchantClient merchant, string path)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}{path}");
        // Notify's own 404 (no such broadcast) means the route is there; the router's 404 or 405 means it is not.
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode is not (System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed)
            || body.Contains("notify.dev/problems/not-found", StringComparison.Ordinal);
    }

    private static async Task<string?> StatusAsync(MerchantClient merchant, string orderNumber)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?limit=100");
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        return items.FirstOrDefault(o => o!["orderNumber"]!.GetValue<string>() == orderNumber)?["confirmation"]!["status"]!.GetValue<string>();
    }
}
