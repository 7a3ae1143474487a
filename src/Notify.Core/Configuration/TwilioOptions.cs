namespace Notify.Configuration;

/// <summary>The <c>Twilio</c> settings section (<c>Twilio__*</c> in app settings).</summary>
public sealed class TwilioOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Twilio";

    /// <summary>The account SID (<c>AC…</c>), also the basic-auth user.</summary>
    public string AccountSid { get; set; } = "";

    /// <summary>The auth token: the basic-auth password and the key status callbacks are signed with.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>The sending number (E.164), used when no messaging service is set.</summary>
    public string From { get; set; } = "";

    /// <summary>A messaging service (<c>MG…</c>) that picks the sender; wins over <see cref="From"/>.</summary>
    public string MessagingServiceSid { get; set; } = "";

    /// <summary>Empty for Twilio itself; the sandbox's URL locally. Requests for api.twilio.com go here instead.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>How long one create request may take before its outcome is treated as unknown.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The median pause before the first retry of a refused request; it doubles for the next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the in-process circuit stays open after repeated failures before it lets a request through.</summary>
    public TimeSpan BreakFor { get; set; } = Channels.Resilience.Breaker.DefaultBreakFor;
}
