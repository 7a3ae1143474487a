using Microsoft.Extensions.DependencyInjection;
using Notify.Channels;
using Notify.Channels.Email;
using Notify.Channels.Templates;
using Notify.Core.Tests.Channels.Support;

using Notify.LocalParts;

namespace Notify.Core.Tests.Channels.Email;

public sealed class EmailChannelTests(MailDev maildev) : IClassFixture<MailDev>
{
    // maildev listens on a free port, not 1025, so plain SMTP must be asked for.
    private Dictionary<string, string?> MailDevSettings() => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = maildev.SmtpPort.ToString(),
        ["Smtp:UseTls"] = "None",
    };

    [Fact]
    public async Task Korean_mail_arrives_intact_with_an_encoded_html_part()
    {
        await using var services = ChannelServices.Build(MailDevSettings());
        var confirmation = Samples.Confirmation(Samples.Order(note: "<script>alert('문')</script>"));
        var expected = ConfirmationTemplates.Render(confirmation.Merchant, confirmation.Order).Email;

        var result = await services.Channel(ChannelNames.Email).SendAsync(confirmation, CancellationToken.None);

        Assert.True(result.Status == SendStatus.Delivered, result.Error);
        Assert.Equal($"{confirmation.AttemptKey}@localhost", result.ProviderId);
        var mail = await maildev.MailAsync(result.ProviderId!);
        Assert.Equal(expected.Subject, mail.GetProperty("subject").GetString());
        Assert.Contains("김민지님", mail.GetProperty("text").GetString());
        Assert.Contains("쑥떡 세트", mail.GetProperty("text").GetString());
        var html = mail.GetProperty("html").GetString();
        Assert.Contains("쑥떡 세트", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Equal("minji@example.com", mail.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("notify@localhost", mail.GetProperty("from")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Same_attempt_sent_twice_carries_the_same_message_id()
    {
        await using var services = ChannelServices.Build(MailDevSettings());
        var confirmation = Samples.Confirmation();
        var email = services.Channel(ChannelNames.Email);

        var first = await email.SendAsync(confirmation, CancellationToken.None);
        var second = await email.SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(first.ProviderId, second.ProviderId);
        Assert.NotEqual(first.ProviderId, (await email.SendAsync(confirmation with { Attempt = 2 }, CancellationToken.None)).ProviderId);
    }

    [Fact]
    public async Task Unreachable_smtp_server_fails_with_the_error()
    {
        await using var services = ChannelServices.Build(new() { ["Smtp:Port"] = NodeProcess.FreePort().ToString() });

        var result = await services.Channel(ChannelNames.Email).SendAsync(Samples.Confirmation(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.StartsWith(AttemptErrors.EmailProviderUnreachable + ": ", result.Error);
        Assert.DoesNotContain("127.0.0.1", result.Error);
    }

    [Fact]
    public async Task Unusable_address_fails_permanently_without_connecting()
    {
        await using var services = ChannelServices.Build(new() { ["Smtp:Port"] = NodeProcess.FreePort().ToString() });

        var result = await services.GetRequiredService<EmailSender>().SendAsync(
            "not an address", "s", "t", "<p>t</p>", "x@localhost", CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("permanently", result.Error);
        Assert.StartsWith(AttemptErrors.EmailAddressUnusable + ": ", result.Error);
        Assert.DoesNotContain("not an address", result.Error);
    }

    [Fact]
    public void Customer_without_email_cannot_be_reached()
    {
        using var services = ChannelServices.Build([]);

        Assert.False(services.Channel(ChannelNames.Email).CanReach(Samples.Merchant(), Samples.Order(email: null).Customer));
    }
}
