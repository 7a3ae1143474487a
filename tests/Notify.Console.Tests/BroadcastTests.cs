using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Notify.IntegrationTests.Support;
using Notify.MerchantConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Notify.MerchantConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class BroadcastTests(ConsoleApp app)
{
    private static readonly string[] Phones = ["010-4100-0001", "010-4100-0002", "010-4100-0003"];

    [Fact]
    public async Task A_broadcast_to_three_customers_sent_from_the_composer_shows_its_progress_until_done()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        foreach (var (phone, i) in Phones.Select((p, i) => (p, i)))
        {
            var order = MerchantClient.SampleOrder($"G-500{i}");
            order["customer"] = new JsonObject { ["name"] = $"고객{i}", ["phone"] = phone, ["locale"] = "ko-KR" };
            using var posted = await merchant.PostAsync(order);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        }
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "알림 보내기" }).ClickAsync();

        await tab.Page.GetByLabel("보낼 내용").FillAsync("오늘 픽업이 30분 늦어집니다. 죄송합니다.");
        await Expect(tab.Page.Locator("#broadcast-preview")).ToContainTextAsync("SMS 1건");
        // Urgent, so the test does not depend on the hour: outside it quiet hours would (rightly) hold every message.
        await tab.Page.GetByLabel("급함 (바로 보내기)").CheckAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "보내기", Exact = true }).ClickAsync();

        await Expect(tab.Page.Locator("#broadcast-status")).ToContainTextAsync("받는 사람 3명");
        await Expect(tab.Page.Locator("#broadcast-progress [data-state]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        await Expect(tab.Page.Locator("#broadcast-progress [data-state]")).ToContainTextAsync("완료");
        await Expect(tab.Page.Locator("#broadcast-counts [data-count=confirmed]")).ToHaveTextAsync("전달됨: 3");
        await Expect(tab.Page.Locator("#broadcast-channels [data-channel=sms]")).ToHaveTextAsync("문자: 전달됨 3");
        await Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "보내기 멈추기" })).ToHaveCountAsync(0);

        foreach (var phone in Phones)
        {
            var messages = await app.Sandbox.MessagesToAsync("+82" + phone.Replace("-", "")[1..]);
            Assert.Single(messages, m => m["body"]!.GetValue<string>().Contains("오늘 픽업이 30분 늦어집니다.", StringComparison.Ordinal));
        }
        Assert.Empty(await tab.AccessibilityViolationsAsync());
        await tab.ScreenshotAsync("broadcast-done-1280");
        await tab.Page.SetViewportSizeAsync(360, 740);
        Assert.False(await tab.ScrollsSidewaysAsync());
        Assert.Empty(await tab.AccessibilityViolationsAsync());
        await tab.ScreenshotAsync("broadcast-done-360");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task A_message_over_two_sms_segments_is_stopped_in_the_page_before_sending()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await using var tab = await app.OpenAsync();
        await tab.SignInAsync(merchant.Id, merchant.ApiKey);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "주문", Exact = true })).ToBeVisibleAsync();
        await tab.Page.GotoAsync("/console#/broadcast");
        var requests = 0;
        tab.Page.Request += (_, request) => requests += request.Url.Contains("/broadcasts", StringComparison.Ordinal) ? 1 : 0;

        await tab.Page.GetByLabel("보낼 내용").FillAsync(new string('떡', 135));
        await Expect(tab.Page.Locator("#broadcast-preview")).ToContainTextAsync("SMS 3건");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "보내기", Exact = true }).ClickAsync();

        await Expect(tab.Page.Locator("#broadcast-message-error")).ToHaveTextAsync("문자 2건 안에 들어가도록 줄여 주세요.");
        Assert.Equal(0, requests);
        Assert.Empty(tab.Errors);
    }
}
