namespace Notify.Configuration;

/// <summary>The <c>Solapi</c> settings section (<c>Solapi__*</c> in app settings): KakaoTalk AlimTalk through SOLAPI.</summary>
public sealed class SolapiOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Solapi";

    /// <summary>SOLAPI's own API address, used when <see cref="BaseUrl"/> is empty.</summary>
    public const string DefaultBaseUrl = "https://api.solapi.com";

    /// <summary>The API key (<c>NCS…</c>) named in every request's Authorization header.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The API secret that signs every request (HMAC-SHA256 of date and salt); never sent.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>Empty for SOLAPI itself; the sandbox's URL locally.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The sender number registered with SOLAPI, national form; empty sends none (AlimTalk needs none when SMS fallback is off).</summary>
    public string From { get; set; } = "";

    /// <summary>How long one send may take before its outcome is treated as unknown.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The median pause before the first retry of a refused request; it doubles for the next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the in-process circuit stays open after repeated failures before it lets a request through.</summary>
    public TimeSpan BreakFor { get; set; } = Channels.Resilience.Breaker.DefaultBreakFor;
}
