namespace Notify.Channels.Templates;

/// <summary>An e-mail ready to send: the subject, a plain-text body and its HTML alternative.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body, with every user-provided text encoded.</param>
public sealed record EmailContent(string Subject, string Text, string Html);
