using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Notify.Configuration;

namespace Notify.Channels.Email;

/// <summary>Sends one e-mail over SMTP with MailKit: UTF-8 text with an HTML alternative.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, ILogger<EmailSender> logger)
{
    /// <summary>
    /// Delivered (ProviderId = <paramref name="messageId"/>) once the server accepts the mail; Failed otherwise, saying
    /// whether the refusal was permanent (5xx). Throws only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<SendResult> SendAsync(string to, string subject, string text, string html, string messageId, CancellationToken ct)
    {
        var smtp = options.Value;
        MimeMessage message;
        try
        {
            message = new MimeMessage
            {
                MessageId = messageId,
                Subject = subject,
                Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
            };
            message.From.Add(MailboxAddress.Parse(smtp.From));
            message.To.Add(MailboxAddress.Parse(to));
        }
        catch (ParseException)
        {
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(
                AttemptErrors.EmailAddressUnusable, "The e-mail address cannot be used, permanently."), Permanent: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(smtp.Timeout);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.EffectiveTls), timeout.Token);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password, timeout.Token);
            }
            await client.SendAsync(message, timeout.Token);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // The server's text often quotes the address; the log gets the codes only.
            logger.LogWarning("SMTP refused a mail: {Status} {ErrorCode}", (int)e.StatusCode, e.ErrorCode);
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(
                AttemptErrors.EmailRejected, $"The mail server refused the mail permanently (SMTP {(int)e.StatusCode})."), Permanent: true);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(
                AttemptErrors.EmailProviderTimeout, $"The mail server did not answer within {smtp.Timeout}."));
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or NotSupportedException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            logger.LogWarning("SMTP failed: {Kind} {Status}", e.GetType().Name, (e as SmtpCommandException)?.StatusCode);
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(
                AttemptErrors.EmailProviderUnreachable, "The mail server could not be reached or broke off the conversation."));
        }

        await QuitAsync(client);
        return new SendResult(SendStatus.Delivered, messageId);
    }

    // The mail is accepted once DATA is answered; a failed QUIT changes nothing about that.
    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException)
        {
        }
    }

    private static SecureSocketOptions Security(SmtpTls tls) => tls switch
    {
        SmtpTls.None => SecureSocketOptions.None,
        SmtpTls.Implicit => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
