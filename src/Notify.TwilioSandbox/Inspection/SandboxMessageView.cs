using System.Text.Json.Serialization;
using Notify.TwilioSandbox.Messages;

namespace Notify.TwilioSandbox.Inspection;

/// <summary>One row of GET /sandbox/messages; status is the latest the sandbox reported.</summary>
internal sealed record SandboxMessageView(
    string Sid,
    string To,
    string From,
    string Body,
    string Status,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ErrorCode)
{
    public static SandboxMessageView Of(SandboxMessage m) =>
        new(m.Sid, m.To, m.From, m.Body, m.Status, m.CreatedAt, m.ErrorCode);
}
