using System.Text;
using Notify.MerchantConsole;

namespace Notify.Core.Tests.MerchantConsole;

public sealed class ConsoleAssetsTests
{
    private static readonly ConsoleAssets Assets = new(new Dictionary<string, ConsoleFile>
    {
        ["index.html"] = new("index.html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes("<!doctype html>"), "\"abc\""),
        ["views/orders.js"] = new("views/orders.js", "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes("export {}"), "\"def\""),
    });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("index.html")]
    public void The_page_is_served_for_the_bare_path(string? path)
    {
        var reply = Assets.Serve(path, null).Value!;

        Assert.Equal(200, reply.Status);
        Assert.Equal("index.html", reply.File.Path);
    }

    [Theory]
    [InlineData("../index.html")]
    [InlineData("views/../index.html")]
    [InlineData("/views/orders.js")]
    [InlineData("views\\orders.js")]
    [InlineData("VIEWS/orders.js")]
    [InlineData("views/orders.js/")]
    [InlineData("views")]
    public void Only_exact_names_are_served(string path)
    {
        Assert.Equal(404, Assets.Serve(path, null).Problem?.Status);
    }

    [Theory]
    [InlineData("\"def\"", 304)]
    [InlineData("\"old\", \"def\"", 304)]
    [InlineData("*", 304)]
    [InlineData("\"old\"", 200)]
    [InlineData("", 200)]
    public void A_current_validator_is_a_304(string ifNoneMatch, int status)
    {
        Assert.Equal(status, Assets.Serve("views/orders.js", ifNoneMatch).Value!.Status);
    }

    [Fact]
    public void Every_answer_carries_the_policy_and_its_validator()
    {
        var headers = Assets.Serve("views/orders.js", "\"def\"").Value!.Headers;

        Assert.Equal(ConsoleAssets.ContentSecurityPolicy, headers["Content-Security-Policy"]);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("\"def\"", headers["ETag"]);
        Assert.DoesNotContain("unsafe", ConsoleAssets.ContentSecurityPolicy);
    }
}
