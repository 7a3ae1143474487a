using Notify.Channels;
using Notify.Core.Tests.Channels.Support;
using Notify.LocalParts;

namespace Notify.Core.Tests.Channels.Email;

/// <summary>Auto uses TLS when the server offers it; a server or settings problem is the channel's, never the recipient's.</summary>
public sealed class SmtpSecurityTests(MailDev maildev) : IClassFixture<MailDev>
{
    [Fact]
    public async Task Auto_on_a_custom_port_without_starttls_still_delivers()
    {
        await using var services = ChannelServices.Build(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = maildev.SmtpPort.ToString(),
            ["Smtp:UseTls"] = "Auto",
        });

        var result = await services.Channel(ChannelNames.Email).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.True(result.Status == SendStatus.Delivered, result.Error);
    }

    [Fact]
    public async Task A_server_that_wants_a_login_Notify_lacks_is_a_configuration_failure_not_the_recipients()
    {
        await using var guarded = await MaildevProcess.StartAsync("--incoming-user notify --incoming-pass secret");
        await using var services = ChannelServices.Build(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = guarded.SmtpPort.ToString(),
            ["Smtp:UseTls"] = "Auto",
        });

        var result = await services.Channel(ChannelNames.Email).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.False(result.Permanent, result.Error);
        Assert.StartsWith("SMTP configuration", result.Error);
    }

    [Fact]
    public async Task Requiring_starttls_from_a_server_without_it_is_a_configuration_failure()
    {
        await using var services = ChannelServices.Build(new()
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = maildev.SmtpPort.ToString(),
            ["Smtp:UseTls"] = "StartTls",
        });

        var result = await services.Channel(ChannelNames.Email).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.False(result.Permanent, result.Error);
    }
}
