namespace Notify.Receipts;

/// <summary>A Twilio status callback as it arrives.</summary>
/// <param name="PathAndQuery">The request's path and query, as Twilio called it (the query names the attempt).</param>
/// <param name="Form">Every form field Twilio posted.</param>
/// <param name="Signature">The <c>X-Twilio-Signature</c> header.</param>
public sealed record TwilioReceipt(string PathAndQuery, IReadOnlyDictionary<string, string> Form, string? Signature);
