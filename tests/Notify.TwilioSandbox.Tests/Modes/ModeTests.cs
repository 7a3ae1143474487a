using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Notify.TwilioSandbox.Tests.Messages;
using Notify.TwilioSandbox.Tests.Support;
using Twilio.Exceptions;

namespace Notify.TwilioSandbox.Tests.Modes;

public sealed class ModeTests
{
    private const string Customer = "+821012345678";
    private const string OtherCustomer = "+821087654321";

    [Fact]
    public async Task Fail_mode_answers_503_sends_nothing_and_counts_the_refusal()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail" });

        var error = await Assert.ThrowsAsync<ApiException>(() => Sms.SendAsync(sandbox.CreateTwilioClient(), Customer));

        Assert.Equal((503, 20503), (error.Status, error.Code));
        Assert.Empty(await sandbox.GetMessagesAsync());
        Assert.Equal(1, (await sandbox.GetModesAsync()).Refused[Customer]);
    }

    [Fact]
    public async Task Fail_mode_with_400_and_21211_is_a_permanent_rejection_for_the_sdk()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", status = 400, code = 21211 });

        var error = await Assert.ThrowsAsync<ApiException>(() => Sms.SendAsync(sandbox.CreateTwilioClient(), Customer));

        Assert.Equal((400, 21211), (error.Status, error.Code));
        Assert.Contains(Customer, error.Message, StringComparison.Ordinal);
        Assert.Equal("https://www.twilio.com/docs/errors/21211", error.MoreInfo);
    }

    [Fact]
    public async Task Throttle_mode_answers_429_with_retry_after()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "throttle" });

        var error = await Assert.ThrowsAsync<ApiException>(() => Sms.SendAsync(sandbox.CreateTwilioClient(), Customer));
        using var raw = await PostRawAsync(sandbox, Customer);

        Assert.Equal((429, 20429), (error.Status, error.Code));
        Assert.Equal(HttpStatusCode.TooManyRequests, raw.StatusCode);
        Assert.NotNull(raw.Headers.RetryAfter);
        Assert.Equal(2, (await sandbox.GetModesAsync()).Refused[Customer]);
    }

    [Fact]
    public async Task Hang_mode_holds_the_request_then_answers_503()
    {
        var hangFor = TimeSpan.FromMilliseconds(400);
        await using var sandbox = await SandboxHost.StartAsync(o => o.HangFor = hangFor);
        await sandbox.PutModeAsync(new { mode = "hang" });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ApiException>(() => Sms.SendAsync(sandbox.CreateTwilioClient(), Customer));

        Assert.True(clock.Elapsed >= hangFor - TimeSpan.FromMilliseconds(50), $"answered after {clock.Elapsed}");
        Assert.Equal((503, 20503), (error.Status, error.Code));
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task Hang_mode_lets_the_client_time_out_and_lets_go_of_the_request()
    {
        var sandbox = await SandboxHost.StartAsync(o => o.HangFor = TimeSpan.FromMinutes(5));
        await sandbox.PutModeAsync(new { mode = "hang" });
        var client = sandbox.CreateTwilioClient(timeout: TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<Exception>(() => Sms.SendAsync(client, Customer));
        Assert.Equal(1, (await sandbox.GetModesAsync()).Refused[Customer]);

        // Stopping waits for requests in flight (30 s by default): a quick stop shows the abort was honoured.
        var clock = Stopwatch.StartNew();
        await sandbox.DisposeAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {clock.Elapsed}");
    }

    [Fact]
    public async Task Silent_mode_accepts_and_never_calls_back()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync();
        await sandbox.PutModeAsync(new { mode = "silent", to = Customer });
        var client = sandbox.CreateTwilioClient();

        var silent = await Sms.SendAsync(client, Customer, callback: receiver.Url);
        var normal = await Sms.SendAsync(client, OtherCustomer, callback: receiver.Url);
        // The normal message, sent after the silent one, reports both its statuses first.
        var callbacks = new[] { await receiver.NextAsync(), await receiver.NextAsync() };

        Assert.Equal("queued", silent.Status.ToString());
        Assert.All(callbacks, c => Assert.Equal(normal.Sid, c.Sid));
        Assert.Null(await receiver.TryNextAsync(SandboxHost.CallbackDelay * 10));
        Assert.Equal("queued", (await sandbox.GetMessagesAsync()).Single(m => m.Sid == silent.Sid).Status);
    }

    [Fact]
    public async Task Mode_for_one_destination_applies_only_to_that_number()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", to = Customer, status = 500 });
        var client = sandbox.CreateTwilioClient();

        var error = await Assert.ThrowsAsync<ApiException>(() => Sms.SendAsync(client, Customer));
        var other = await Sms.SendAsync(client, OtherCustomer);

        Assert.Equal((500, 20500), (error.Status, error.Code));
        Assert.Equal(OtherCustomer, Assert.Single(await sandbox.GetMessagesAsync()).To);
        var modes = await sandbox.GetModesAsync();
        Assert.Equal("normal", modes.All.Mode);
        Assert.Equal(new ModeSetting("fail", 500, null), modes.Destinations[Customer]);
    }

    [Fact]
    public async Task Destination_mode_overrides_the_mode_for_all()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "throttle" });
        await sandbox.PutModeAsync(new { mode = "normal", to = Customer });
        var client = sandbox.CreateTwilioClient();

        await Sms.SendAsync(client, Customer);
        await Assert.ThrowsAsync<ApiException>(() => Sms.SendAsync(client, OtherCustomer));
    }

    [Fact]
    public async Task Normal_mode_without_destination_resets_everything()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail" });
        await sandbox.PutModeAsync(new { mode = "throttle", to = Customer });
        var client = sandbox.CreateTwilioClient();
        await Assert.ThrowsAsync<ApiException>(() => Sms.SendAsync(client, Customer));

        await sandbox.PutModeAsync(new { mode = "normal" });
        await Sms.SendAsync(client, Customer);
        await Sms.SendAsync(client, OtherCustomer);

        var modes = await sandbox.GetModesAsync();
        Assert.Equal(new ModeSetting("normal", null, null), modes.All);
        Assert.Empty(modes.Destinations);
        Assert.Empty(modes.Refused);
        Assert.Equal(2, (await sandbox.GetMessagesAsync()).Count);
    }

    [Theory]
    [InlineData("""{ "mode": "explode" }""")]
    [InlineData("""{ "mode": "1" }""")]
    [InlineData("""{ "mode": "fail", "status": 200 }""")]
    public async Task Invalid_mode_is_rejected_with_problem_json(string body)
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Http.PutAsync("/sandbox/mode", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("normal", (await sandbox.GetModesAsync()).All.Mode);
    }

    private static Task<HttpResponseMessage> PostRawAsync(SandboxHost sandbox, string to)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CreateMessageTests.MessagesPath(SandboxHost.AccountSid))
        {
            Content = CreateMessageTests.Form(("To", to), ("From", Sms.Sender), ("Body", "hi")),
        };
        request.Headers.Authorization = SandboxHost.BasicAuth(SandboxHost.AccountSid, SandboxHost.AuthToken);
        return sandbox.Http.SendAsync(request);
    }
}
