namespace Notify.KakaoSandbox;

/// <summary>The sandbox's settings (section <c>Sandbox</c>).</summary>
public sealed class KakaoSandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>The one API key the sandbox accepts; Notify's <c>Solapi__ApiKey</c> must match.</summary>
    public string ApiKey { get; set; } = "NCSSANDBOXKEY0001";

    /// <summary>The secret signatures are checked with; Notify's <c>Solapi__ApiSecret</c> must match.</summary>
    public string ApiSecret { get; set; } = "sandbox-api-secret";

    /// <summary>The account id the sandbox reports messages under.</summary>
    public string AccountId { get; set; } = "26010100000001";

    /// <summary>The pause before each result (accepted → sending → delivered or failed).</summary>
    public TimeSpan ResultDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// With <see cref="DeliveredP99"/>, the median time from acceptance to the final status (delivered or its failure),
    /// drawn log-normal per message; null (the default) keeps the fixed pause before every status.
    /// </summary>
    public TimeSpan? DeliveredMedian { get; set; }

    /// <summary>The 99th percentile of that time; see <see cref="DeliveredMedian"/>.</summary>
    public TimeSpan? DeliveredP99 { get; set; }

    /// <summary>How long "hang" mode holds a send before answering 503.</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromMinutes(2);
}
