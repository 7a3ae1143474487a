namespace Notify.Configuration;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTls
{
    /// <summary>None on ports 25 and 1025, TLS from the start on 465, STARTTLS otherwise.</summary>
    Auto,
    /// <summary>Plain text (local mail sinks, relays on a private network).</summary>
    None,
    /// <summary>Upgrade with STARTTLS; fail if the server does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,
}
