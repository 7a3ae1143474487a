using Microsoft.Playwright;
using Notify.IntegrationTests.Support;

namespace Notify.MerchantConsole.Tests.Support;

/// <summary>The self-host over Azurite, maildev and the Twilio sandbox, plus one browser the tests open pages in.</summary>
public class ConsoleApp : NotifyApp, IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser profile (no cookies) with a page at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public async Task<ConsolePage> OpenAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            AcceptDownloads = true,
        });
        return await ConsolePage.StartAsync(context);
    }

    /// <inheritdoc />
    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>An app where two failures take a channel down, so an outage is quick to cause.</summary>
public sealed class OutageApp : ConsoleApp
{
    /// <inheritdoc />
    protected override IEnumerable<string> Settings => ["--Notify:ChannelFailureThreshold=2", "--Notify:ChannelCooldown=00:10:00"];
}

/// <summary>Browser tests that share one app.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "console";
}

/// <summary>The outage test, on an app of its own: channel health is shared by everything on an app.</summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "console-outage";
}
