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
}
