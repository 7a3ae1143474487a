using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Notify.IntegrationTests.Support;
using Notify.MerchantConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Notify.MerchantConsole.Tests;

[Collection(Support.OutageCollection.Name)]
public sealed class OutageTests(Support.OutageApp app)
{
    [Fact]
    public async Task A_banner_says_since_when_sms_is_down_without_a_reload()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync(360, 740);
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#banner")).ToBeEmptyAsync();

        await app.Sandbox.SetModeAsync("fail");
        for (var i = 0; i < 3; i++)
        {
            await merchant.PostAsync(MerchantClient.SampleOrder());
        }
        await Eventually.MatchAsync(async () =>
        {
            using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/channels");
            var channels = (await response.Content.ReadFromJsonAsync<JsonObject>())!["channels"]!.AsArray();
            return channels.First(c => c!["channel"]!.GetValue<string>() == "sms")!["state"]!.GetValue<string>();
        }, state => state == "down", what: "SMS to go down");

        var banner = tab.Page.Locator("#banner [data-channel=sms]");
        await Expect(banner).ToContainTextAsync("문자 서비스가", new() { Timeout = 20_000 });
        await Expect(banner).ToContainTextAsync("부터 멈춰 있습니다");
        Assert.Empty(await tab.AccessibilityViolationsAsync());
        Assert.False(await tab.ScrollsSidewaysAsync());
        await tab.ScreenshotAsync("banner-360");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task The_damage_report_moves_after_an_sms_failure_rescued_by_email_with_its_chart_and_csv()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync(360, 740);
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await tab.Page.GotoAsync("/console#/damage");
        await Expect(tab.Page.Locator("#damage-orders")).ToHaveTextAsync("0");
        await Expect(tab.Page.Locator("#damage-affected")).ToHaveTextAsync("0");
        await Expect(tab.Page.Locator("#damage-instead")).ToHaveTextAsync("0");

        // Whether SMS fails for this order or is skipped because the other test already took it down, the order is
        // affected and the e-mail confirms it.
        await app.Sandbox.SetModeAsync("fail");
        using var posted = await merchant.PostAsync(MerchantClient.SampleOrder("H-6001"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        await Eventually.MatchAsync(async () =>
        {
            using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?limit=10");
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]?["confirmation"]!["status"]!.GetValue<string>();
        }, status => status == "confirmed", what: "the e-mail confirmation");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "보기", Exact = true }).ClickAsync();

        await Expect(tab.Page.Locator("#damage-orders")).ToHaveTextAsync("1");
        await Expect(tab.Page.Locator("#damage-affected")).ToHaveTextAsync("1");
        await Expect(tab.Page.Locator("#damage-instead")).ToHaveTextAsync("이메일 1");
        await Expect(tab.Page.Locator("#damage-unreached")).ToHaveTextAsync("0");
        await Expect(tab.Page.Locator("#damage svg.chart rect.now")).Not.ToHaveCountAsync(0);
        var csvLink = tab.Page.GetByRole(AriaRole.Link, new() { Name = "CSV 내려받기" });
        await Expect(csvLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/damage\\?.*format=csv"));
        var download = await tab.Page.RunAndWaitForDownloadAsync(() => csvLink.ClickAsync());
        var csv = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Contains("affectedOrder", csv);
        Assert.Contains("H-6001", csv);

        Assert.False(await tab.ScrollsSidewaysAsync());
        Assert.Empty(await tab.AccessibilityViolationsAsync());
        await tab.ScreenshotAsync("damage-sms-failed-360");
        await tab.Page.SetViewportSizeAsync(1280, 800);
        Assert.Empty(await tab.AccessibilityViolationsAsync());
        await tab.ScreenshotAsync("damage-sms-failed-1280");
        Assert.Empty(tab.Errors);
    }
}
