namespace Notify.KakaoSandbox.Modes;

/// <summary>PUT /sandbox/mode: { "mode": "not-kakao-user", "to": "+8210…", "status": 500, "code": "3107" }.</summary>
internal sealed record ModeRequest(string? Mode, string? To, int? Status, string? Code)
{
    public ModeRule? ToRule(out string? problem)
    {
        var known = SandboxModeNames.TryParse(Mode, out var mode);
        problem = (known, Status, Code) switch
        {
            (false, _, _) => $"Unknown mode '{Mode}'; expected one of: {string.Join(", ", SandboxModeNames.All)}.",
            (_, < 400 or > 599, _) => $"Status {Status} is not an HTTP error status (400-599).",
            (_, _, { } code) when code.Length != 4 || !code.All(char.IsAsciiDigit) || code[0] != '3' =>
                $"Code '{code}' is not a SOLAPI failure report code (3xxx).",
            _ => null,
        };
        return problem is null ? new ModeRule(mode, Status, Code) : null;
    }
}
