namespace Notify.KakaoSandbox.Modes;

/// <summary>A mode with, for "fail", the HTTP status to answer and, for "undelivered", the status code to report.</summary>
internal sealed record ModeRule(SandboxMode Mode, int? Status = null, string? Code = null)
{
    public static readonly ModeRule Normal = new(SandboxMode.Normal);

    /// <summary>True where the send is answered with an error and nothing is sent.</summary>
    public bool Refuses => Mode is SandboxMode.Fail or SandboxMode.Throttle or SandboxMode.Hang;

    public ModeView ToView() => new(Mode.Name(), Status, Code);
}
