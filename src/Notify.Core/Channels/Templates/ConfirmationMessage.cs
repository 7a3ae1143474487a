namespace Notify.Channels.Templates;

/// <summary>An order confirmation as each channel sends it.</summary>
/// <param name="Language">The language it is written in.</param>
/// <param name="Sms">The SMS text, at most two segments; also the message the merchant's webhook passes on.</param>
/// <param name="Email">The e-mail.</param>
public sealed record ConfirmationMessage(TemplateLanguage Language, string Sms, EmailContent Email);
