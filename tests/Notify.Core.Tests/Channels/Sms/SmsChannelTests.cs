using Notify.Channels;
using Notify.Channels.Sms;
using Notify.Channels.Templates;
using Notify.Core.Tests.Channels.Support;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Security;

using Notify.LocalParts;

namespace Notify.Core.Tests.Channels.Sms;

public sealed class SmsChannelTests
{
    [Fact]
    public async Task Confirmation_is_accepted_with_sid_and_segments()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await using var services = ChannelServices.Build(sandbox.Settings());
        var confirmation = Samples.Confirmation();

        var result = await services.Channel(ChannelNames.Sms).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.StartsWith("SM", result.ProviderId);
        Assert.Equal(1, result.Segments);
        var message = Assert.Single(await sandbox.MessagesAsync());
        Assert.Equal(result.ProviderId, message.Sid);
        Assert.Equal(Samples.Phone, message.To);
        Assert.Equal(Sandbox.From, message.From);
        Assert.Equal(ConfirmationTemplates.Render(confirmation.Merchant, confirmation.Order).Sms, message.Body);
    }

    [Fact]
    public async Task Status_callback_names_the_attempt_and_is_signed_over_that_url()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await using var notify = await Receiver.StartAsync();
        await using var services = ChannelServices.Build(sandbox.Settings(("Notify:PublicBaseUrl", notify.BaseUrl + "/")));
        var confirmation = Samples.Confirmation(attempt: 2);

        var result = await services.Channel(ChannelNames.Sms).SendAsync(confirmation, CancellationToken.None);

        var callback = await notify.NextAsync();
        Assert.Equal($"/api/receipts/twilio?attempt={confirmation.AttemptKey}", callback.PathAndQuery);
        Assert.Equal(result.ProviderId, callback.Form()["MessageSid"]);
        Assert.True(new RequestValidator(Sandbox.AuthToken).Validate(
            notify.BaseUrl + callback.PathAndQuery, callback.Form(), callback.Header("X-Twilio-Signature")!));
    }

    [Fact]
    public async Task Invalid_number_fails_without_retry()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", to = Samples.Phone, status = 400, code = 21211 });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Sms).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("21211", result.Error);
        Assert.Contains("permanently", result.Error);
        Assert.Equal(1, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Unavailable_twilio_is_retried_twice_then_fails()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", status = 503 });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Sms).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("503", result.Error);
        Assert.Equal(3, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Throttled_request_is_retried_then_is_back_pressure_not_a_failure()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "throttle" });
        await using var services = ChannelServices.Build(sandbox.Settings());

        var result = await services.Channel(ChannelNames.Sms).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Throttled, result.Status);
        Assert.False(result.Permanent);
        Assert.True(result.RetryAfter > TimeSpan.Zero);
        Assert.Contains("429", result.Error);
        Assert.Equal(3, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Timed_out_create_is_unknown_and_not_retried()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "hang" });
        await using var services = ChannelServices.Build(sandbox.Settings(("Twilio:Timeout", "00:00:00.300")));

        var result = await services.Channel(ChannelNames.Sms).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Null(result.ProviderId);
        Assert.Equal(1, await sandbox.RefusedAsync(Samples.Phone));
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_stops_calling_twilio()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await sandbox.PutModeAsync(new { mode = "fail", status = 503 });
        await using var services = ChannelServices.Build(sandbox.Settings());
        var sms = services.Channel(ChannelNames.Sms);

        await sms.SendAsync(Samples.Confirmation(), CancellationToken.None);
        var second = await sms.SendAsync(Samples.Confirmation(), CancellationToken.None);
        var refusedBeforeOpening = await sandbox.RefusedAsync(Samples.Phone);
        await sandbox.PutModeAsync(new { mode = "normal" });
        var third = await sms.SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, second.Status);
        Assert.Equal(5, refusedBeforeOpening);
        Assert.Equal(SendStatus.Failed, third.Status);
        Assert.Contains("circuit", third.Error);
        Assert.Empty(await sandbox.MessagesAsync());
    }

    [Fact]
    public async Task Unreachable_twilio_fails_after_retries()
    {
        await using var services = ChannelServices.Build(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = Sandbox.AccountSid,
            ["Twilio:AuthToken"] = Sandbox.AuthToken,
            ["Twilio:From"] = Sandbox.From,
            ["Twilio:BaseUrl"] = $"http://127.0.0.1:{NodeProcess.FreePort()}",
            ["Twilio:RetryDelay"] = "00:00:00.020",
        });

        var result = await services.Channel(ChannelNames.Sms).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("unreachable", result.Error);
        // The merchant reads a code and a short message; the socket's own text (host, port) stays in the log.
        Assert.StartsWith(AttemptErrors.SmsProviderUnreachable + ": ", result.Error);
        Assert.DoesNotContain("127.0.0.1", result.Error);
        Assert.DoesNotContain("Connection refused", result.Error);
    }

    [Fact]
    public async Task Low_level_sender_uses_the_messaging_service_when_set()
    {
        await using var sandbox = await Sandbox.StartAsync();
        await using var services = ChannelServices.Build(sandbox.Settings(("Twilio:MessagingServiceSid", "MG0123456789abcdef0123456789abcdef")));
        var sender = services.GetRequiredService<SmsSender>();

        var result = await sender.SendAsync("+821055556666", "Shop closed today", statusCallback: null, CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.Equal("+15005550006", Assert.Single(await sandbox.MessagesAsync()).From);
    }

    [Fact]
    public void Customer_without_phone_cannot_be_reached()
    {
        using var services = ChannelServices.Build([]);
        var order = Samples.Order(phone: null);

        Assert.False(services.Channel(ChannelNames.Sms).CanReach(Samples.Merchant(), order.Customer));
        Assert.True(services.Channel(ChannelNames.Sms).CanReach(Samples.Merchant(), Samples.Order().Customer));
    }
}
