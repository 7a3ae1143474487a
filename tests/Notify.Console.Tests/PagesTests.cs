using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Notify.IntegrationTests.Support;
using Notify.MerchantConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Notify.MerchantConsole.Tests;

/// <summary>Every page, at desktop width and at 360 px: accessible, no sideways scrolling, no script errors.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PagesTests(ConsoleApp app)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "orders", "주문" },
        { "order", "주문 E-4002" },
        { "customers", "고객" },
        { "broadcast", "알림 보내기" },
        { "damage", "피해 보고" },
        { "settings", "설정" },
    };

    [Fact]
    public async Task The_sign_in_page_passes_the_accessibility_check_at_both_widths()
    {
        foreach (var width in new[] { 1280, 360 })
        {
            await using var tab = await app.OpenAsync(width);
            await tab.Page.GotoAsync("/console");
            await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "가게 콘솔 로그인" })).ToBeVisibleAsync();

            Assert.Empty(await tab.AccessibilityViolationsAsync());
            Assert.False(await tab.ScrollsSidewaysAsync());
            await tab.ScreenshotAsync($"signin-{width}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_accessible_and_fits_360_px(string page, string heading)
    {
        var (merchant, orderId) = await ShopWithAnOrderAsync();
        foreach (var width in new[] { 1280, 360 })
        {
            await using var tab = await app.OpenAsync(width, width == 360 ? 740 : 800);
            await tab.SignInAsync(merchant.Id, merchant.ApiKey);
            await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();

            await tab.Page.GotoAsync(page == "order" ? $"/console#/orders/{orderId}" : $"/console#/{page}");
            await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var violations = await tab.AccessibilityViolationsAsync();
            Assert.True(violations.Count == 0, $"{page} at {width} px:\n" + string.Join("\n", violations));
            Assert.False(await tab.ScrollsSidewaysAsync(), $"{page} scrolls sideways at {width} px");
            Assert.Empty(tab.Errors);
            await tab.ScreenshotAsync($"{page}-{width}");
        }
    }

    [Fact]
    public async Task Keyboard_focus_goes_from_the_skip_link_through_the_menu_to_the_filters()
    {
        var (merchant, _) = await ShopWithAnOrderAsync();
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await tab.Page.ReloadAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await tab.Page.EvaluateAsync("() => document.getElementById('skip').focus()");

        var order = new List<string> { await FocusedAsync(tab) };
        for (var i = 0; i < 8; i++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            order.Add(await FocusedAsync(tab));
        }

        Assert.Equal(["본문으로 건너뛰기", "주문", "고객", "알림 보내기", "피해 보고", "설정", "Switch to English", "로그아웃", "기간"], order);
    }

    [Fact]
    public async Task The_accessibility_check_does_find_a_violation_when_there_is_one()
    {
        await using var tab = await app.OpenAsync();
        await tab.Page.GotoAsync("/console");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "가게 콘솔 로그인" })).ToBeVisibleAsync();

        await tab.Page.EvaluateAsync("() => document.querySelector('main').append(Object.assign(document.createElement('input'), { type: 'text' }))");

        Assert.Contains(await tab.AccessibilityViolationsAsync(), v => v.Contains("label", StringComparison.Ordinal));
    }

    // What a screen reader would announce for the focused element: its label, aria-label or text.
    private static Task<string> FocusedAsync(ConsolePage tab) => tab.Page.EvaluateAsync<string>("""
        () => {
          const el = document.activeElement;
          const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
          return (label ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
        }
        """);

    // A morning at the shop: one SMS confirmed, one SMS to a dead number confirmed by e-mail, one e-mail-only customer.
    // Returns the rerouted order, whose timeline is the one worth looking at.
    private async Task<(MerchantClient Merchant, string OrderId)> ShopWithAnOrderAsync()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await app.Sandbox.SetModeAsync("fail", "+821055550202", status: 400, code: 21211);
        var rerouted = MerchantClient.SampleOrder("E-4002");
        rerouted["customer"] = new JsonObject { ["name"] = "박서준", ["phone"] = "010-5555-0202", ["email"] = "seojun@example.com" };
        var emailOnly = MerchantClient.SampleOrder("E-4003");
        emailOnly["customer"] = new JsonObject { ["name"] = "Alex Kim", ["email"] = "alex@example.com", ["locale"] = "en-US" };
        emailOnly["total"] = 15000;
        emailOnly["items"] = new JsonArray(new JsonObject { ["name"] = "인절미", ["quantity"] = 1, ["unitPrice"] = 15000 });
        string? reroutedId = null;
        foreach (var order in new[] { MerchantClient.SampleOrder("E-4001"), rerouted, emailOnly })
        {
            using var posted = await merchant.PostAsync(order);
            var orderId = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
            reroutedId ??= order == rerouted ? orderId : null;
            await Eventually.MatchAsync(async () =>
            {
                using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders/{orderId}");
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!["confirmation"]!["status"]!.GetValue<string>();
            }, s => s == "confirmed", what: "the order confirmed");
        }
        return (merchant, reroutedId!);
    }
}
