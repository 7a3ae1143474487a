namespace Notify.Configuration;

/// <summary>The <c>Smtp</c> settings section (<c>Smtp__*</c> in app settings).</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Smtp";

    /// <summary>The SMTP server.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The SMTP port; 1025 is the local mail sink.</summary>
    public int Port { get; set; } = 1025;

    /// <summary>The sender, as a mailbox with an optional display name.</summary>
    public string From { get; set; } = "Notify <notify@localhost>";

    /// <summary>The login, when the server wants one.</summary>
    public string User { get; set; } = "";

    /// <summary>The password for <see cref="User"/>.</summary>
    public string Password { get; set; } = "";

    /// <summary>How the connection is secured; <see cref="SmtpTls.Auto"/> uses TLS whenever the server offers it.</summary>
    public SmtpTls UseTls { get; set; } = SmtpTls.Auto;

    /// <summary>How long connecting and sending one mail may take in all.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
