namespace Notify.Receipts;

/// <summary>A Twilio status callback as it arrives.</summary>
/// <param name="PathAndQuery">The request's path and query, as Twilio called it (Twilio signs the URL).</param>
/// <param name="Attempt">The query's <c>attempt</c>: which attempt the callback is for.</param>
/// <param name="Form">Every form field Twilio posted.</param>
/// <param name="Signature">The <c>X-Twilio-Signature</c> header.</param>
public sealed record TwilioReceipt(string PathAndQuery, string? Attempt, IReadOnlyDictionary<string, string> Form, string? Signature);
