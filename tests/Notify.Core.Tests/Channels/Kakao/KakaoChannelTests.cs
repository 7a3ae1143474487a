using Microsoft.Extensions.DependencyInjection;
using Notify.Channels;
using Notify.Channels.Kakao;
using Notify.Channels.Templates;
using Notify.Core.Tests.Channels.Support;
using Notify.Merchants;
using Notify.Orders;

namespace Notify.Core.Tests.Channels.Kakao;

/// <summary>The KakaoTalk channel and Notify's SOLAPI client against the SOLAPI sandbox (which the official SDK also drives).</summary>
public sealed class KakaoChannelTests
{
    private static readonly KakaoSettings Settings = new("KA01PF2611010000000000000000001", "KA01TP2611010000000000000000001");

    [Fact]
    public async Task AlimTalk_is_signed_accepted_and_later_delivered_to_its_attempt()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await using var services = ChannelServices.Build(sandbox.Settings());
        var confirmation = Confirmation(attempt: 2);

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.StartsWith("M4V", result.ProviderId);
        var message = Assert.Single(await sandbox.MessagesAsync());
        Assert.Equal((result.ProviderId, Samples.Phone), (message.MessageId, message.To));
        Assert.Equal((Settings.PfId, Settings.TemplateId), (message.PfId, message.TemplateId));
        Assert.True(message.DisableSms);
        Assert.Equal(confirmation.AttemptKey, message.CustomFields["attempt"]);
        Assert.Equal("떡집", message.Variables["#{shop}"]);
        Assert.Equal("A-1001", message.Variables["#{orderNumber}"]);

        var client = services.GetRequiredService<SolapiClient>();
        var receipt = await Eventually(() => client.ResultAsync(result.ProviderId!, CancellationToken.None), KakaoResultStatus.Delivered);
        Assert.Equal(AttemptKey.Parse(confirmation.AttemptKey), receipt.Attempt);
        Assert.Equal("4000", receipt.StatusCode);
        Assert.False(receipt.RecipientProblem);
    }

    [Fact]
    public async Task Not_a_kakao_user_is_accepted_then_fails_as_a_recipient_problem()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "not-kakao-user", to = Samples.Phone });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        var receipt = await Eventually(
            () => services.GetRequiredService<SolapiClient>().ResultAsync(result.ProviderId!, CancellationToken.None), KakaoResultStatus.Failed);
        Assert.Equal("3104", receipt.StatusCode);
        Assert.True(receipt.RecipientProblem);
        Assert.Contains("not a KakaoTalk user", receipt.Error);
    }

    [Fact]
    public async Task Provider_failure_report_is_not_a_recipient_problem()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "undelivered" });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        var receipt = await Eventually(
            () => services.GetRequiredService<SolapiClient>().ResultAsync(result.ProviderId!, CancellationToken.None), KakaoResultStatus.Failed);
        Assert.Equal("3024", receipt.StatusCode);
        Assert.False(receipt.RecipientProblem);
    }

    [Fact]
    public async Task Server_error_fails_without_being_permanent_and_without_retry()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", status = 500 });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.False(result.Permanent);
        Assert.Contains("HTTP 500", result.Error);
        Assert.Equal(1, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Unavailable_solapi_is_retried_twice_with_fresh_signatures_then_fails()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", status = 503 });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.False(result.Permanent);
        // A reused signature would be refused 403 DuplicatedSignature before the mode is reached: 3 refusals prove 3 fresh ones.
        Assert.Contains("HTTP 503", result.Error);
        Assert.Equal(3, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Throttled_send_is_retried_then_held_back_as_throttled_not_failed()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "throttle" });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        // Back-pressure: sent again later, and nothing counts against KakaoTalk's shared health.
        Assert.Equal(SendStatus.Throttled, result.Status);
        Assert.Equal(SendResult.Backpressure, result.RetryAfter);
        Assert.Contains("429", result.Error);
        Assert.Equal(3, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Hanging_solapi_times_out_as_unknown_and_is_not_retried()
    {
        await using var sandbox = await KakaoSandbox.StartAsync(hangFor: TimeSpan.FromMinutes(5));
        await sandbox.PutModeAsync(new { mode = "hang" });
        // Long enough for a busy machine to see the request before the client gives up on it.
        await using var services = ChannelServices.Build(sandbox.Settings(("Solapi:Timeout", "00:00:01.500")));

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Contains("may have been accepted", result.Error);
        Assert.Equal(1, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Wrong_secret_is_refused_by_the_sandbox_and_counts_against_the_channel()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await using var services = ChannelServices.Build(sandbox.Settings(("Solapi:ApiSecret", "not-the-secret")));

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.False(result.Permanent);
        Assert.Contains("SignatureDoesNotMatch", result.Error);
        Assert.Empty(await sandbox.MessagesAsync());
    }

    [Fact]
    public async Task A_message_solapi_does_not_register_fails_permanently_with_its_code()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await using var services = ChannelServices.Build(sandbox.Settings());
        var merchant = Samples.Merchant() with { Kakao = Settings with { TemplateId = " " } };

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Samples.Confirmation(merchant: merchant), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.True(result.Permanent);
        Assert.Contains("1010", result.Error);
    }

    [Fact]
    public async Task A_send_whose_id_was_never_seen_is_found_by_its_attempt_key()
    {
        await using var sandbox = await KakaoSandbox.StartAsync();
        await using var services = ChannelServices.Build(sandbox.Settings());
        var first = Confirmation(attempt: 1);
        var second = Confirmation(attempt: 2) with { OrderId = first.OrderId };
        var channel = services.Channel(ChannelNames.Kakao);
        await channel.SendAsync(first, CancellationToken.None);
        var sent = await channel.SendAsync(second, CancellationToken.None);

        var found = await services.GetRequiredService<SolapiClient>()
            .FindAsync("01012345678", AttemptKey.Parse(second.AttemptKey)!, CancellationToken.None);

        Assert.Null(found.Error);
        Assert.Equal(sent.ProviderId, found.Receipt?.MessageId);
    }

    [Fact]
    public async Task Unreachable_solapi_fails_and_a_lookup_says_why()
    {
        await using var services = ChannelServices.Build(new Dictionary<string, string?>
        {
            ["Solapi:ApiKey"] = KakaoSandbox.ApiKey,
            ["Solapi:ApiSecret"] = KakaoSandbox.ApiSecret,
            ["Solapi:BaseUrl"] = $"http://127.0.0.1:{Notify.LocalParts.NodeProcess.FreePort()}",
            ["Solapi:RetryDelay"] = "00:00:00.010",
        });

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);
        var lookup = await services.GetRequiredService<SolapiClient>().ResultAsync("M4V0", CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("unreachable", result.Error);
        Assert.Null(lookup.Receipt);
        Assert.NotNull(lookup.Error);
    }

    [Fact]
    public void Reaches_only_korean_mobiles_of_merchants_with_kakao_settings()
    {
        var services = ChannelServices.Build(new Dictionary<string, string?>());
        var channel = services.Channel(ChannelNames.Kakao);
        var kakaoMerchant = Samples.Merchant() with { Kakao = Settings };

        Assert.True(channel.CanReach(kakaoMerchant, Customer("+821012345678")));
        Assert.False(channel.CanReach(Samples.Merchant(), Customer("+821012345678")));
        Assert.False(channel.CanReach(kakaoMerchant, Customer(null)));
        Assert.False(channel.CanReach(kakaoMerchant, Customer("+8221234567")));
        Assert.False(channel.CanReach(kakaoMerchant, Customer("+14155550100")));
    }

    [Fact]
    public async Task Without_settings_nothing_is_sent_and_the_failure_counts_against_the_channel()
    {
        await using var services = ChannelServices.Build(new Dictionary<string, string?>());

        var result = await services.Channel(ChannelNames.Kakao).SendAsync(Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.False(result.Permanent);
        Assert.Contains("Solapi:ApiKey", result.Error);
    }

    private static Customer Customer(string? phone) => new("김민지", phone, "minji@example.com", "ko-KR");

    private static OutboundConfirmation Confirmation(int attempt = 1) =>
        Samples.Confirmation(merchant: Samples.Merchant() with { Kakao = Settings }, attempt: attempt);

    private static async Task<KakaoReceipt> Eventually(Func<Task<KakaoLookup>> lookup, KakaoResultStatus wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = await lookup();
            if (found.Receipt?.Status == wanted)
            {
                return found.Receipt;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {wanted}; last: {found}");
            await Task.Delay(50);
        }
    }
}
