using System.Net;
using Notify.TwilioSandbox.Tests.Support;

namespace Notify.TwilioSandbox.Tests.Inspection;

public sealed class SandboxMessagesTests
{
    [Fact]
    public async Task Delete_forgets_every_message()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var client = sandbox.CreateTwilioClient();
        await Sms.SendAsync(client, "+821012345678");
        await Sms.SendAsync(client, "+821087654321");

        using var response = await sandbox.Http.DeleteAsync("/sandbox/messages");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task Page_lists_messages_newest_first_in_korean_with_markup_escaped()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var client = sandbox.CreateTwilioClient();
        await Sms.SendAsync(client, "+821012345678", "첫 번째 주문");
        await Sms.SendAsync(client, "+821087654321", "주문 확인 <script>alert('x')</script> & 감사합니다");

        using var response = await sandbox.Http.GetAsync("/sandbox");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("주문 확인 &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp; 감사합니다", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("감사합니다", StringComparison.Ordinal) < html.IndexOf("첫 번째 주문", StringComparison.Ordinal));
    }
}
