using System.Globalization;
using Notify.TwilioSandbox.Messages;
using Notify.TwilioSandbox.Modes;

namespace Notify.TwilioSandbox.Callbacks;

/// <summary>The statuses one accepted message goes through, reported in this order.</summary>
internal sealed record CallbackPlan(SandboxMessage Message, IReadOnlyList<StatusReport> Reports)
{
    // Twilio's "Unreachable destination handset".
    public const int UnreachableHandset = 30003;

    public static CallbackPlan? For(SandboxMessage message, SandboxMode mode) => mode switch
    {
        SandboxMode.Normal => new(message, [new(MessageStatus.Sent), new(MessageStatus.Delivered)]),
        SandboxMode.Undelivered => new(message, [new(MessageStatus.Sent), new(MessageStatus.Undelivered, UnreachableHandset)]),
        _ => null,
    };

    /// <summary>The form fields of the status callback, named as Twilio names them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FieldsFor(StatusReport report)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("MessageSid", Message.Sid),
            new("SmsSid", Message.Sid),
            new("MessageStatus", report.Status),
            new("SmsStatus", report.Status),
            new("AccountSid", Message.AccountSid),
            new("From", Message.From),
            new("To", Message.To),
            new("ApiVersion", TwilioJson.ApiVersion),
        ];
        if (Message.MessagingServiceSid is { } service)
        {
            fields.Add(new("MessagingServiceSid", service));
        }

        if (report.ErrorCode is { } code)
        {
            fields.Add(new("ErrorCode", code.ToString(CultureInfo.InvariantCulture)));
        }

        return fields;
    }
}
