namespace Notify.TwilioSandbox.Messages;

internal static class MessageSid
{
    /// <summary>"SM" and 32 lowercase hex digits, the shape of a real Twilio message SID.</summary>
    public static string New() => "SM" + Guid.NewGuid().ToString("N");
}
