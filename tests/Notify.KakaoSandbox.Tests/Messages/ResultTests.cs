using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notify.KakaoSandbox.Tests.Support;

namespace Notify.KakaoSandbox.Tests.Messages;

/// <summary>An accepted AlimTalk moves on later (2000 → 3000 → 4000 or a failure code), seen by listing it as SOLAPI's clients do.</summary>
public sealed class ResultTests
{
    [Fact]
    public async Task Normal_message_is_delivered_after_the_result_delay()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var messageId = await SendAsync(sandbox);

        var listed = await Eventually.MatchAsync(() => ListAsync(sandbox, messageId), m => m.StatusCode == "4000", "delivery");
        Assert.Equal("COMPLETE", listed.Status);
        Assert.Equal("delivered", (await sandbox.GetMessagesAsync()).Single().Status);
    }

    [Fact]
    public async Task Not_kakao_user_is_accepted_then_fails_with_3104()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "not-kakao-user", to = SandboxHost.Customer });

        var messageId = await SendAsync(sandbox);

        var listed = await Eventually.MatchAsync(() => ListAsync(sandbox, messageId), m => m.StatusCode == "3104", "the failure report");
        Assert.Equal("카카오톡 미사용자", listed.Reason);
        Assert.Equal("failed", (await sandbox.GetMessagesAsync()).Single().Status);
    }

    [Fact]
    public async Task Undelivered_reports_the_code_the_mode_names()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "undelivered", code = "3107" });

        var messageId = await SendAsync(sandbox);

        await Eventually.MatchAsync(() => ListAsync(sandbox, messageId), m => m.StatusCode == "3107", "the failure report");
    }

    [Fact]
    public async Task Silent_message_stays_accepted_while_others_are_delivered()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "silent", to = "01012345678" });

        var silent = await SendAsync(sandbox);
        var normal = await SendAsync(sandbox, "01087654321");

        // The normal message, sent after the silent one, is delivered: the silent one has had the same time.
        await Eventually.MatchAsync(() => ListAsync(sandbox, normal), m => m.StatusCode == "4000", "the other delivery");
        Assert.Equal(("2000", "PENDING"), ((await ListAsync(sandbox, silent)).StatusCode, (await ListAsync(sandbox, silent)).Status));
    }

    private static async Task<string> SendAsync(SandboxHost sandbox, string to = SandboxHost.CustomerNational)
    {
        var body = JsonSerializer.Serialize(new { messages = new[] { SolapiSdk.AlimTalk(to) }, showMessageList = true });
        using var response = await sandbox.PostSendAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("messageList")[0].GetProperty("messageId").GetString()!;
    }

    private static async Task<Stored> ListAsync(SandboxHost sandbox, string messageId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/messages/v4/list?messageId={messageId}");
        request.Headers.TryAddWithoutValidation("Authorization", Signer.Header(SandboxHost.ApiKey, SandboxHost.ApiSecret, DateTimeOffset.UtcNow));
        using var response = await sandbox.Http.SendAsync(request);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = list.GetProperty("messageList").GetProperty(messageId);
        return new Stored(message.GetProperty("statusCode").GetString()!, message.GetProperty("status").GetString()!, message.GetProperty("reason").GetString());
    }

    private sealed record Stored(string StatusCode, string Status, string? Reason);
}
