namespace Notify.Channels.Templates;

/// <summary>Tells a merchant that a customer could not be reached on any channel.</summary>
/// <param name="Sms">The SMS text, at most two segments.</param>
/// <param name="Email">The e-mail.</param>
public sealed record MerchantAlert(string Sms, EmailContent Email);
