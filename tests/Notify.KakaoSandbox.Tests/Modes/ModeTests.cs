using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notify.KakaoSandbox.Tests.Support;

namespace Notify.KakaoSandbox.Tests.Modes;

public sealed class ModeTests
{
    private static readonly string Body = JsonSerializer.Serialize(new { messages = new[] { SolapiSdk.AlimTalk() } });

    [Fact]
    public async Task Fail_mode_answers_503_which_the_sdk_retries_then_gives_up_on()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail" });

        var result = await SolapiSdk.SendAsync(sandbox, SolapiSdk.AlimTalk());

        // The SDK retries a 503 three times: four refusals, then its own error.
        Assert.Equal("RequestFailedAfterRetryError", result["error"]!["errorCode"]!.GetValue<string>());
        Assert.Equal(4, (await sandbox.GetModesAsync()).Refused[SandboxHost.Customer]);
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task Fail_mode_with_500_is_a_server_error_for_the_sdk()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", status = 500 });

        var result = await SolapiSdk.SendAsync(sandbox, SolapiSdk.AlimTalk());

        Assert.Equal(("ServerError", "InternalError", 500),
            (result["error"]!["name"]!.GetValue<string>(), result["error"]!["errorCode"]!.GetValue<string>(), result["error"]!["httpStatus"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Throttle_mode_answers_429_with_retry_after()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "throttle" });

        using var response = await sandbox.PostSendAsync(Body);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("TooManyRequests", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Hang_mode_holds_the_request_then_answers_503()
    {
        var hangFor = TimeSpan.FromMilliseconds(400);
        await using var sandbox = await SandboxHost.StartAsync(o => o.HangFor = hangFor);
        await sandbox.PutModeAsync(new { mode = "hang" });

        var clock = Stopwatch.StartNew();
        using var response = await sandbox.PostSendAsync(Body);

        Assert.True(clock.Elapsed >= hangFor - TimeSpan.FromMilliseconds(50), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task A_mode_for_one_number_leaves_others_alone_and_normal_for_all_resets()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", to = "010-1234-5678" });

        using var other = await sandbox.PostSendAsync(JsonSerializer.Serialize(new { messages = new[] { SolapiSdk.AlimTalk("01087654321") } }));
        using var broken = await sandbox.PostSendAsync(Body);
        var board = await sandbox.GetModesAsync();
        await sandbox.PutModeAsync(new { mode = "normal" });

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Equal("fail", board.Destinations[SandboxHost.Customer].Mode);
        Assert.Equal(1, board.Refused[SandboxHost.Customer]);
        Assert.Empty((await sandbox.GetModesAsync()).Destinations);
    }

    [Theory]
    [InlineData("""{ "mode": "explode" }""")]
    [InlineData("""{ "mode": "fail", "status": 200 }""")]
    [InlineData("""{ "mode": "undelivered", "code": "4000" }""")]
    public async Task Unknown_modes_and_codes_are_400(string json)
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Http.PutAsync("/sandbox/mode", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
