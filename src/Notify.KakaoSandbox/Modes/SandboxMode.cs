namespace Notify.KakaoSandbox.Modes;

/// <summary>How the sandbox treats a send, so tests can break KakaoTalk on purpose.</summary>
internal enum SandboxMode
{
    Normal,
    Fail,
    Throttle,
    Hang,
    Silent,
    Undelivered,
    NotKakaoUser,
}

internal static class SandboxModeNames
{
    private static readonly Dictionary<SandboxMode, string> Names = new()
    {
        [SandboxMode.Normal] = "normal",
        [SandboxMode.Fail] = "fail",
        [SandboxMode.Throttle] = "throttle",
        [SandboxMode.Hang] = "hang",
        [SandboxMode.Silent] = "silent",
        [SandboxMode.Undelivered] = "undelivered",
        [SandboxMode.NotKakaoUser] = "not-kakao-user",
    };

    public static IEnumerable<string> All => Names.Values;

    public static string Name(this SandboxMode mode) => Names[mode];

    public static bool TryParse(string? name, out SandboxMode mode)
    {
        foreach (var (known, text) in Names)
        {
            if (text.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = known;
                return true;
            }
        }
        mode = SandboxMode.Normal;
        return false;
    }
}
