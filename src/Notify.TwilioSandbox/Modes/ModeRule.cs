namespace Notify.TwilioSandbox.Modes;

/// <summary>A mode with, for "fail", the HTTP status and Twilio error code to answer.</summary>
internal sealed record ModeRule(SandboxMode Mode, int? Status = null, int? Code = null)
{
    public static readonly ModeRule Normal = new(SandboxMode.Normal);

    /// <summary>True where the create request is answered with an error and nothing is sent.</summary>
    public bool Refuses => Mode is SandboxMode.Fail or SandboxMode.Throttle or SandboxMode.Hang;

    public ModeView ToView() => new(Mode.ToString().ToLowerInvariant(), Status, Code);
}
