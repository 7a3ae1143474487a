namespace Notify.TwilioSandbox.Tests.Support;

/// <summary>A row of GET /sandbox/messages, as a client reads it.</summary>
internal sealed record ListedMessage(string Sid, string To, string From, string Body, string Status, DateTimeOffset CreatedAt, int? ErrorCode);

/// <summary>GET /sandbox/mode, as a client reads it.</summary>
internal sealed record ModeBoard(ModeSetting All, Dictionary<string, ModeSetting> Destinations, Dictionary<string, int> Refused);

internal sealed record ModeSetting(string Mode, int? Status, int? Code);
