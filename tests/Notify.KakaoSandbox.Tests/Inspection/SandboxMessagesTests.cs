using System.Net;
using System.Text.Json;
using Notify.KakaoSandbox.Tests.Support;

namespace Notify.KakaoSandbox.Tests.Inspection;

public sealed class SandboxMessagesTests
{
    [Fact]
    public async Task Delete_forgets_every_message()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var sent = await sandbox.PostSendAsync(JsonSerializer.Serialize(new { messages = new[] { SolapiSdk.AlimTalk() } }));

        using var response = await sandbox.Http.DeleteAsync("/sandbox/messages");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task Page_lists_messages_newest_first_in_korean_with_markup_escaped()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var first = await sandbox.PostSendAsync(Text("첫 번째 주문"));
        using var second = await sandbox.PostSendAsync(Text("주문 확인 <script>alert('x')</script> & 감사합니다"));

        using var response = await sandbox.Http.GetAsync("/sandbox");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("주문 확인 &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("감사합니다", StringComparison.Ordinal) < html.IndexOf("첫 번째 주문", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_validation_error()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.PostSendAsync("{ not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ValidationError", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_not_sent_as_json_is_a_400_validation_error()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/messages/v4/send-many/detail")
        {
            Content = new StringContent("messages", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Signer.Header(SandboxHost.ApiKey, SandboxHost.ApiSecret, DateTimeOffset.UtcNow));

        using var response = await sandbox.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ValidationError", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Text(string text) => JsonSerializer.Serialize(new
    {
        messages = new[]
        {
            new { to = SandboxHost.CustomerNational, text, kakaoOptions = new { pfId = "KA01PF1", templateId = "KA01TP1" } },
        },
    });
}
