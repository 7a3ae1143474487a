using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Notify.KakaoSandbox.Tests.Support;

namespace Notify.KakaoSandbox.Tests.Auth;

/// <summary>The Authorization checks SOLAPI documents (authentication/api-key.md), made with hand-built headers.</summary>
public sealed class SignatureTests
{
    private static readonly string Body = JsonSerializer.Serialize(new { messages = new[] { SolapiSdk.AlimTalk() } });

    [Fact]
    public async Task A_signature_used_twice_is_refused_the_second_time()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var header = Signer.Header(SandboxHost.ApiKey, SandboxHost.ApiSecret, DateTimeOffset.UtcNow);

        using var first = await sandbox.PostSendAsync(Body, header);
        using var second = await sandbox.PostSendAsync(Body, header);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefusedAsync(second, "DuplicatedSignature");
        Assert.Single(await sandbox.GetMessagesAsync());
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public async Task A_date_more_than_15_minutes_off_is_refused(int minutes)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var header = Signer.Header(SandboxHost.ApiKey, SandboxHost.ApiSecret, DateTimeOffset.UtcNow.AddMinutes(minutes));

        using var response = await sandbox.PostSendAsync(Body, header);

        await AssertRefusedAsync(response, "RequestTimeTooSkewed");
    }

    [Fact]
    public async Task A_date_14_minutes_off_is_accepted()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var header = Signer.Header(SandboxHost.ApiKey, SandboxHost.ApiSecret, DateTimeOffset.UtcNow.AddMinutes(-14));

        using var response = await sandbox.PostSendAsync(Body, header);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_salt_shorter_than_12_bytes_is_refused()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var header = Signer.Header(SandboxHost.ApiKey, SandboxHost.ApiSecret, DateTimeOffset.UtcNow, salt: "short");

        using var response = await sandbox.PostSendAsync(Body, header);

        await AssertRefusedAsync(response, "SignatureDoesNotMatch");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_missing_or_foreign_authorization_is_refused(string header)
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.PostSendAsync(Body, header);

        await AssertRefusedAsync(response, "InvalidAPIKey");
        Assert.Empty(await sandbox.GetMessagesAsync());
    }

    [Fact]
    public async Task Listing_messages_needs_a_signature_too()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Http.GetAsync("/messages/v4/list");

        await AssertRefusedAsync(response, "InvalidAPIKey");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string errorCode)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(errorCode, error.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("errorMessage").GetString()));
    }
}
