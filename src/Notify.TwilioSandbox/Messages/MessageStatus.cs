namespace Notify.TwilioSandbox.Messages;

/// <summary>Twilio's message status values, as they appear in JSON and in status callbacks.</summary>
internal static class MessageStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
}
