namespace Notify.TwilioSandbox.Modes;

/// <summary>How the sandbox treats a create request, so tests can break SMS on purpose.</summary>
internal enum SandboxMode
{
    Normal,
    Fail,
    Throttle,
    Hang,
    Silent,
    Undelivered,
}
