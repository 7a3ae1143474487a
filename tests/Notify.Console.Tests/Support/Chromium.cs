using Microsoft.Playwright;

namespace Notify.MerchantConsole.Tests.Support;

/// <summary>Debian's Chromium under Playwright: Playwright's own browser download cannot work here.</summary>
public static class Chromium
{
    /// <summary>Where the Debian package puts the browser.</summary>
    public const string Path = "/usr/bin/chromium";

    /// <summary>Starts a headless browser with nothing that reaches out to the network on its own.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: install Debian's chromium package (scripts/test.sh does).");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
