namespace Notify.TwilioSandbox.Modes;

/// <summary>PUT /sandbox/mode: { "mode": "fail", "to": "+8210…", "status": 400, "code": 21211 }.</summary>
internal sealed record ModeRequest(string? Mode, string? To, int? Status, int? Code)
{
    private static readonly Dictionary<string, SandboxMode> Names =
        Enum.GetValues<SandboxMode>().ToDictionary(m => m.ToString(), StringComparer.OrdinalIgnoreCase);

    public ModeRule? ToRule(out string? problem)
    {
        var known = Names.TryGetValue(Mode ?? "", out var mode);
        problem = (known, Status, Code) switch
        {
            (false, _, _) => $"Unknown mode '{Mode}'; expected one of: {string.Join(", ", Names.Keys.Select(n => n.ToLowerInvariant()))}.",
            (_, < 400 or > 599, _) => $"Status {Status} is not an HTTP error status (400-599).",
            (_, _, <= 0) => $"Code {Code} is not a Twilio error code.",
            _ => null,
        };
        return problem is null ? new ModeRule(mode, Status, Code) : null;
    }
}
