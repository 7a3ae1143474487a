using System.Net;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.MerchantConsole;

[Collection(AppCollection.Name)]
public sealed class ConsoleFilesTests(NotifyApp app)
{
    public static TheoryData<string, string> Files => new()
    {
        { "/console", "text/html" },
        { "/console/", "text/html" },
        { "/console/index.html", "text/html" },
        { "/console/app.js", "text/javascript" },
        { "/console/views/orders.js", "text/javascript" },
        { "/console/console.css", "text/css" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Console_files_are_served_with_their_type_and_a_strict_policy(string path, string mediaType)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_file_the_browser_already_has_is_a_304_without_a_body()
    {
        using var first = await app.Http.GetAsync("/console/app.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await app.Http.SendAsync(again);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        stale.Headers.IfNoneMatch.ParseAdd("\"something-else\"");
        using var third = await app.Http.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style()
    {
        var html = await app.Http.GetStringAsync("/console");

        Assert.Matches("<script type=\"module\" src=\"/console/app.js\"></script>", html);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<style", html);
    }

    [Theory]
    [InlineData("/console/missing.js")]
    [InlineData("/console/../host.json")]
    [InlineData("/console/%2e%2e/%2e%2e/host.json")]
    [InlineData("/console/..%2fNotify.Core.dll")]
    [InlineData("/console/views/..%2f..%2fappsettings.json")]
    [InlineData("/console/%5c..%5cappsettings.json")]
    [InlineData("/console/Index.HTML")]
    public async Task Anything_but_a_console_file_is_a_404(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.BaseAddress, new Uri(path, UriKind.Relative)));
        using var response = await new HttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
