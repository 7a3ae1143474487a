using System.Net;
using Notify.Channels;
using Notify.Channels.Webhook;
using Notify.Core.Tests.Channels.Support;

namespace Notify.Core.Tests.Channels.Webhook;

/// <summary>SSRF: a merchant's webhook URL can only make Notify connect to a public address.</summary>
public sealed class WebhookAddressTests
{
    public static TheoryData<string> RefusedUrls =>
    [
        "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/hook", "https://127.1/hook", "https://0/hook",
        "https://2130706433/hook", "https://0x7f000001/hook", "https://0x7f.0.0.1/hook", "https://0177.0.0.1/hook",
        "https://017700000001/hook", "https://10.0.0.5/hook", "https://172.16.3.4/hook", "https://172.31.255.255/hook",
        "https://192.168.1.1/hook", "https://100.64.0.1/hook", "https://100.127.255.254/hook", "https://224.0.0.1/hook",
        "https://255.255.255.255/hook", "https://0.0.0.0/hook", "https://[::1]/hook", "https://[::]/hook",
        "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:7f00:1]/hook", "https://[::ffff:169.254.169.254]/hook",
        "https://[fe80::1]/hook", "https://[fc00::1]/hook", "https://[fd12:3456::1]/hook", "https://[ff02::1]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook", "https://[2002:7f00:1::]/hook", "https://[::127.0.0.1]/hook",
        "https://localhost/hook", "https://api.localhost/hook", "https://LOCALHOST./hook", "https://127.0.0.1./hook",
        "https://user:pass@shop.example/hook", "https://user@shop.example/hook", "https://@shop.example/hook",
        "https://shop.example/hook\r\nX-Injected: 1", "https://shop.example/ho ok", "https://shop.example/\u0000",
        "http://shop.example/hook", "ftp://shop.example/hook", "file:///etc/passwd", "gopher://shop.example/",
        "//shop.example/hook", "shop.example/hook", "https://shop.example/" + new string('a', 2100),
    ];

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public void Private_loopback_link_local_and_malformed_urls_are_refused(string url)
    {
        var (accepted, error) = WebhookAddress.Check(url, allowPrivate: false);

        Assert.Null(accepted);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("https://shop.example/hooks/notify")]
    [InlineData("https://shop.example:8443/hooks?x=1")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2606:4700::1111]/hook")]
    [InlineData("https://xn--9n2bn5b.example/hook")]
    public void Public_https_urls_are_accepted(string url)
    {
        Assert.NotNull(WebhookAddress.Check(url, allowPrivate: false).Url);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7075/hooks")]
    [InlineData("http://localhost:7075/hooks")]
    [InlineData("https://10.0.0.5/hook")]
    public void Development_allows_local_receivers(string url)
    {
        Assert.NotNull(WebhookAddress.Check(url, allowPrivate: true).Url);
    }

    [Theory]
    [InlineData("http://shop.example/hook")]
    [InlineData("https://user:pass@127.0.0.1/hook")]
    public void Development_still_refuses_plain_http_across_a_network_and_credentials(string url)
    {
        Assert.Null(WebhookAddress.Check(url, allowPrivate: true).Url);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("64:ff9b::7f00:1")]
    public void Addresses_a_name_may_resolve_to_are_not_public(string address)
    {
        Assert.False(WebhookAddress.IsPublic(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task A_url_stored_before_the_rules_cannot_reach_loopback_at_connect_time()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var services = ChannelServices.Build(new() { ["Notify:AllowPrivateWebhooks"] = "false", ["Webhook:RetryDelay"] = "00:00:00.010" });
        // A name that resolves to loopback, as a DNS record changed after the URL was checked would.
        var url = receiver.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/hooks";

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(Samples.Confirmation(merchant: Samples.Merchant(url)), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.True(result.Permanent, result.Error);
        Assert.Equal(0, receiver.Count);
    }
}
