namespace Notify.TwilioSandbox.Callbacks;

/// <summary>One status the sandbox reports for a message, with Twilio's error code where it failed.</summary>
internal sealed record StatusReport(string Status, int? ErrorCode = null);
