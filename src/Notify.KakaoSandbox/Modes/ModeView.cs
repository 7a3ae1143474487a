using System.Text.Json.Serialization;

namespace Notify.KakaoSandbox.Modes;

internal sealed record ModeView(
    string Mode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code);

/// <summary>
/// GET /sandbox/mode: the mode for every destination, the per-destination overrides (E.164), and how many sends
/// were refused (fail, throttle, hang) per destination since the last reset.
/// </summary>
internal sealed record ModeBoardView(
    ModeView All,
    IReadOnlyDictionary<string, ModeView> Destinations,
    IReadOnlyDictionary<string, int> Refused);
