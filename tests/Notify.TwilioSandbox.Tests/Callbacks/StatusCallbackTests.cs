using Notify.TwilioSandbox.Tests.Support;
using Twilio.Security;

namespace Notify.TwilioSandbox.Tests.Callbacks;

public sealed class StatusCallbackTests
{
    private const string Customer = "+821012345678";

    [Fact]
    public async Task Callbacks_arrive_sent_then_delivered_and_pass_twilios_validator()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync();

        var message = await Sms.SendAsync(sandbox.CreateTwilioClient(), Customer, callback: receiver.Url);
        var sent = await receiver.NextAsync();
        var delivered = await receiver.NextAsync();

        Assert.Equal(["sent", "delivered"], [sent.Status, delivered.Status]);
        foreach (var callback in new[] { sent, delivered })
        {
            Assert.Equal(message.Sid, callback.Sid);
            Assert.Equal(message.Sid, callback.Fields["SmsSid"]);
            Assert.Equal(callback.Status, callback.Fields["SmsStatus"]);
            Assert.Equal(SandboxHost.AccountSid, callback.Fields["AccountSid"]);
            Assert.Equal((Sms.Sender, Customer, "2010-04-01"), (callback.Fields["From"], callback.Fields["To"], callback.Fields["ApiVersion"]));
            Assert.False(callback.Fields.ContainsKey("ErrorCode"));
            Assert.True(new RequestValidator(SandboxHost.AuthToken).Validate(receiver.Url, Fields(callback), callback.Signature));
            Assert.False(new RequestValidator("another-token").Validate(receiver.Url, Fields(callback), callback.Signature));
        }

        Assert.Equal("delivered", Assert.Single(await sandbox.GetMessagesAsync()).Status);
    }

    [Fact]
    public async Task Undelivered_mode_reports_sent_then_undelivered_with_error_30003()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync();
        await sandbox.PutModeAsync(new { mode = "undelivered" });

        var message = await Sms.SendAsync(sandbox.CreateTwilioClient(), Customer, callback: receiver.Url);
        var sent = await receiver.NextAsync();
        var undelivered = await receiver.NextAsync();

        Assert.Equal("queued", message.Status.ToString());
        Assert.Equal(["sent", "undelivered"], [sent.Status, undelivered.Status]);
        Assert.Equal("30003", undelivered.Fields["ErrorCode"]);
        Assert.True(new RequestValidator(SandboxHost.AuthToken).Validate(receiver.Url, Fields(undelivered), undelivered.Signature));
        var listed = Assert.Single(await sandbox.GetMessagesAsync());
        Assert.Equal(("undelivered", 30003), (listed.Status, listed.ErrorCode));
    }

    [Fact]
    public async Task A_refused_callback_is_retried_and_statuses_stay_in_order()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync(failFirst: 1);

        await Sms.SendAsync(sandbox.CreateTwilioClient(), Customer, callback: receiver.Url);
        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await receiver.NextAsync()).Status);
        }

        Assert.Equal(["sent", "sent", "delivered"], statuses);
    }

    [Fact]
    public async Task An_unreachable_callback_url_is_given_up_and_the_sandbox_keeps_working()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync();
        var client = sandbox.CreateTwilioClient();

        // Port 1 on loopback refuses connections.
        var lost = await Sms.SendAsync(client, "+821011110000", callback: "http://127.0.0.1:1/twilio/status");
        var later = await Sms.SendAsync(client, Customer, callback: receiver.Url);

        Assert.Equal(later.Sid, (await receiver.NextAsync()).Sid);
        Assert.Equal("delivered", (await receiver.NextAsync()).Status);
        Assert.Contains(await sandbox.GetMessagesAsync(), m => m.Sid == lost.Sid);
    }

    private static Dictionary<string, string> Fields(ReceivedCallback callback) => new(callback.Fields);
}
