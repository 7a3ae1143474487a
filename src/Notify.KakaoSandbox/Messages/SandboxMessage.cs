namespace Notify.KakaoSandbox.Messages;

/// <summary>An AlimTalk the sandbox accepted; <see cref="To"/> in E.164, <see cref="RawTo"/> as the client sent it.</summary>
internal sealed record SandboxMessage(
    string MessageId,
    string GroupId,
    string To,
    string RawTo,
    string Country,
    string? From,
    string Text,
    string PfId,
    string TemplateId,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> CustomFields,
    bool DisableSms,
    DateTimeOffset CreatedAt)
{
    public string StatusCode { get; init; } = SolapiCodes.Accepted;
    public DateTimeOffset UpdatedAt { get; init; } = CreatedAt;

    /// <summary>SOLAPI's coarse status: PENDING until the carrier has it, SENDING until a report, then COMPLETE.</summary>
    public string Status => StatusCode switch
    {
        SolapiCodes.Accepted => "PENDING",
        SolapiCodes.Sending => "SENDING",
        _ => "COMPLETE",
    };
}
