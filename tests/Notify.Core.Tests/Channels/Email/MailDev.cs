using System.Net.Http.Json;
using System.Text.Json;
using Notify.LocalParts;

namespace Notify.Core.Tests.Channels.Email;

/// <summary>A real maildev SMTP sink on free loopback ports, started once for the e-mail tests and stopped after them.</summary>
public sealed class MailDev : IAsyncLifetime
{
    private MaildevProcess? _maildev;

    public int SmtpPort => _maildev!.SmtpPort;

    public HttpClient Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _maildev = await MaildevProcess.StartAsync();
        Web = new HttpClient { BaseAddress = _maildev.Web };
    }

    /// <summary>The mail whose Message-Id is <paramref name="messageId"/>, once maildev has stored it.</summary>
    public async Task<JsonElement> MailAsync(string messageId, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var mails = await Web.GetFromJsonAsync<JsonElement>("/email", deadline.Token);
            foreach (var mail in mails.EnumerateArray())
            {
                if (mail.GetProperty("messageId").GetString()?.Trim('<', '>') == messageId)
                {
                    return mail;
                }
            }
            await Task.Delay(50, deadline.Token);
        }
    }

    public async Task DisposeAsync()
    {
        Web?.Dispose();
        if (_maildev is not null)
        {
            await _maildev.DisposeAsync();
        }
    }
}
