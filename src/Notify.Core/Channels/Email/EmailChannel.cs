using Microsoft.Extensions.Options;
using MimeKit;
using Notify.Channels.Templates;
using Notify.Configuration;
using Notify.Merchants;
using Notify.Orders;

namespace Notify.Channels.Email;

/// <summary>Confirms an order by e-mail; the SMTP server's acceptance counts as delivery.</summary>
public sealed class EmailChannel(EmailSender sender, IOptions<SmtpOptions> options) : IChannel
{
    /// <inheritdoc />
    public string Name => ChannelNames.Email;

    /// <inheritdoc />
    public bool CanReach(Merchant merchant, Customer customer) => !string.IsNullOrEmpty(customer.Email);

    /// <inheritdoc />
    public Task<SendResult> SendAsync(OutboundConfirmation confirmation, CancellationToken ct)
    {
        if (confirmation.Order.Customer.Email is not { Length: > 0 } email)
        {
            return Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.EmailNoAddress, "The customer has no e-mail address."), Permanent: true));
        }
        var mail = ConfirmationTemplates.Render(confirmation.Merchant, confirmation.Order).Email;
        return sender.SendAsync(email, mail.Subject, mail.Text, mail.Html, MessageId(confirmation.AttemptKey), ct);
    }

    /// <inheritdoc />
    public Task<SendResult> SendNoticeAsync(OutboundNotice notice, CancellationToken ct)
    {
        if (notice.Customer.Email is not { Length: > 0 } email)
        {
            return Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.EmailNoAddress, "The customer has no e-mail address."), Permanent: true));
        }
        var html = $"<p>{System.Net.WebUtility.HtmlEncode(notice.Text)}</p>";
        return sender.SendAsync(email, notice.Subject, notice.Text, html, MessageId(notice.AttemptKey), ct);
    }

    /// <summary>The Message-Id of an attempt: the same attempt sent twice carries the same id, so the copy is recognisable.</summary>
    public string MessageId(string attemptKey)
    {
        var domain = MailboxAddress.TryParse(options.Value.From, out var from) && from.Domain is { Length: > 0 } d ? d : "notify.localhost";
        return $"{attemptKey}@{domain}";
    }
}
