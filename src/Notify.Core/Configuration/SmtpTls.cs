namespace Notify.Configuration;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTls
{
    /// <summary>TLS from the start on 465; elsewhere STARTTLS when the server offers it, plain text when it does not (MailKit's auto mode).</summary>
    Auto,
    /// <summary>Plain text (local mail sinks, relays on a private network).</summary>
    None,
    /// <summary>Upgrade with STARTTLS; fail if the server does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,
}
