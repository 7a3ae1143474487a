namespace Notify.KakaoSandbox.Tests.Support;

/// <summary>A row of GET /sandbox/messages, as a client reads it.</summary>
internal sealed record ListedMessage(
    string MessageId,
    string GroupId,
    string To,
    string Text,
    string PfId,
    string TemplateId,
    Dictionary<string, string> Variables,
    Dictionary<string, string> CustomFields,
    bool DisableSms,
    string Status,
    string StatusCode,
    DateTimeOffset CreatedAt);

/// <summary>GET /sandbox/mode, as a client reads it.</summary>
internal sealed record ModeBoard(ModeSetting All, Dictionary<string, ModeSetting> Destinations, Dictionary<string, int> Refused);

internal sealed record ModeSetting(string Mode, int? Status, string? Code);
