using Notify.KakaoSandbox.Messages;

namespace Notify.KakaoSandbox.Inspection;

/// <summary>
/// One row of GET /sandbox/messages: <c>status</c> is accepted, sending, delivered or failed; <c>statusCode</c> is
/// SOLAPI's code behind it.
/// </summary>
internal sealed record SandboxMessageView(
    string MessageId,
    string GroupId,
    string To,
    string Text,
    string PfId,
    string TemplateId,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> CustomFields,
    bool DisableSms,
    string Status,
    string StatusCode,
    DateTimeOffset CreatedAt)
{
    public static SandboxMessageView Of(SandboxMessage m) => new(
        m.MessageId, m.GroupId, m.To, m.Text, m.PfId, m.TemplateId, m.Variables, m.CustomFields, m.DisableSms,
        Word(m.StatusCode), m.StatusCode, m.CreatedAt);

    public static string Word(string statusCode) => statusCode switch
    {
        SolapiCodes.Accepted => "accepted",
        SolapiCodes.Sending => "sending",
        SolapiCodes.Delivered => "delivered",
        _ => "failed",
    };
}
