using System.Text.Json;
using Microsoft.Playwright;
using Notify.LocalParts;

namespace Notify.MerchantConsole.Tests.Support;

/// <summary>One browser tab on the console, recording every script error and policy violation it sees.</summary>
public sealed partial class ConsolePage : IAsyncDisposable
{
    [System.Text.RegularExpressions.GeneratedRegex("^Failed to load resource: the server responded with a status of (40[145]|422)")]
    private static partial System.Text.RegularExpressions.Regex ExpectedRefusal();

    private static readonly Lazy<string> Axe = new(() =>
        File.ReadAllText(System.IO.Path.Combine(RepoRoot.Path, "node_modules", "axe-core", "axe.min.js")));

    private readonly List<string> _errors = [];

    private ConsolePage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A 401 (not signed in yet), 404/405 (a route another issue adds) or 422 (a form the server refused, shown on
            // the page) is the page working as meant; the browser logs it anyway.
            if (message.Type == "error" && !ExpectedRefusal().IsMatch(message.Text))
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
    }

    /// <summary>The browser profile.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The tab.</summary>
    public IPage Page { get; }

    /// <summary>Script errors and console errors (a blocked inline script or style shows here).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Opens a tab.</summary>
    public static async Task<ConsolePage> StartAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <summary>Opens the console and signs in with the form.</summary>
    public async Task SignInAsync(string merchantId, string apiKey)
    {
        await Page.GotoAsync("/console");
        await Page.GetByLabel("가게 ID").FillAsync(merchantId);
        await Page.GetByLabel("API 키").FillAsync(apiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
    }

    /// <summary>The session cookie the browser holds, if any.</summary>
    public async Task<BrowserContextCookiesResult?> SessionCookieAsync() =>
        (await Context.CookiesAsync()).FirstOrDefault(c => c.Name == "notify-session");

    /// <summary>Serious and critical accessibility violations axe-core finds on the page as it is now.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        // Evaluated through the DevTools protocol, not as an inline script: the page's policy would (rightly) block that.
        await Page.EvaluateAsync(Axe.Value);
        var json = await Page.EvaluateAsync<string>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }

    /// <summary>True when the page is wider than the window (a horizontal scroll bar).</summary>
    public Task<bool> ScrollsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    /// <summary>Saves a screenshot to the test output, and to <c>NOTIFY_CONSOLE_SCREENSHOTS</c> when that folder is set.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var bytes = await Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        var folders = new[] { System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots"), Environment.GetEnvironmentVariable("NOTIFY_CONSOLE_SCREENSHOTS") };
        foreach (var folder in folders.Where(f => !string.IsNullOrEmpty(f)))
        {
            Directory.CreateDirectory(folder!);
            await File.WriteAllBytesAsync(System.IO.Path.Combine(folder!, name + ".png"), bytes);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
