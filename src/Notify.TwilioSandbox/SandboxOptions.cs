namespace Notify.TwilioSandbox;

public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>The token status callbacks are signed with; Notify must hold the same one.</summary>
    public string AuthToken { get; set; } = "sandbox-auth-token";

    /// <summary>The pause before each status callback (accepted → sent → delivered).</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// With <see cref="DeliveredP99"/>, the median time from acceptance to the final status (delivered or its failure),
    /// drawn log-normal per message; null (the default) keeps the fixed pause before every status.
    /// </summary>
    public TimeSpan? DeliveredMedian { get; set; }

    /// <summary>The 99th percentile of that time; see <see cref="DeliveredMedian"/>.</summary>
    public TimeSpan? DeliveredP99 { get; set; }

    /// <summary>How long "hang" mode holds a create request before answering 503.</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first pause before a failed callback is posted again; it grows with each attempt.</summary>
    public TimeSpan CallbackRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
