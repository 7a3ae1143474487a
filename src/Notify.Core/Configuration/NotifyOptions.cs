namespace Notify.Configuration;

/// <summary>The <c>Notify</c> settings section (<c>Notify__*</c> in app settings).</summary>
public sealed class NotifyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Notify";

    /// <summary>The URL Twilio calls back; status callbacks are signed over it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The operator key for operator routes under the self-host (Azure uses the Functions host key named <c>operator</c>).</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>
    /// The secret continuation tokens are sealed with (any length; a Key Vault reference in Azure). Empty: a random key
    /// for this process only, so tokens do not survive a restart or cross instances.
    /// </summary>
    public string PageTokenKey { get; set; } = "";

    /// <summary>The region national phone numbers are read in when a merchant sets none.</summary>
    public string DefaultRegion { get; set; } = "KR";

    /// <summary>The default channel chain, comma-separated.</summary>
    public string Channels { get; set; } = "sms,email,webhook";

    /// <summary>
    /// Orders one instance takes at once; more are answered 503 with <c>Retry-After</c> before any storage request, so
    /// an overload cannot push every request past storage's timeouts. 0: no bound.
    /// </summary>
    public int IntakeConcurrency { get; set; } = 32;

    /// <summary>How long an accepted order may wait to be planned into a delivery before the sweep fans it out.</summary>
    public TimeSpan FanOutTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a queued send may take to be sent before the sweep moves to the next channel.</summary>
    public TimeSpan SendPickupTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The shortest receipt deadline an adaptive one may be: a send waits 1.5 × its channel's learned p99 receipt latency,
    /// within this and the channel's receipt timeout (the upper bound, and the wait while fewer than 20 receipts are
    /// known). Zero turns adaptive deadlines off.
    /// </summary>
    public TimeSpan AdaptiveReceiptFloor { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest an SMS Twilio accepted may wait for its delivery receipt before the next channel is tried.</summary>
    public TimeSpan SmsReceiptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest an AlimTalk SOLAPI accepted may wait for its result before the next channel is tried.</summary>
    public TimeSpan KakaoReceiptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the sweep asks SOLAPI for the result of an AlimTalk still waiting for one.</summary>
    public TimeSpan KakaoPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>NCRONTAB (with seconds) for the stall sweep.</summary>
    public string SweepSchedule { get; set; } = "*/15 * * * * *";

    /// <summary>Failures of one channel within <see cref="ChannelFailureWindow"/> that mark it down for everybody.</summary>
    public int ChannelFailureThreshold { get; set; } = 5;

    /// <summary>The window in which <see cref="ChannelFailureThreshold"/> failures are counted.</summary>
    public TimeSpan ChannelFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a channel that is down is skipped before a few deliveries probe it again.</summary>
    public TimeSpan ChannelCooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many deliveries at once may probe a channel that is down.</summary>
    public int ChannelProbes { get; set; } = 3;

    /// <summary>
    /// The key (base64 of 32 bytes) that encrypts merchants' webhook secrets at rest and keys customer ids. A Key Vault
    /// reference in Azure; the local run command generates one.
    /// </summary>
    public string SecretKey { get; set; } = "";

    /// <summary>How long a rotated-out API key or webhook secret keeps working.</summary>
    public TimeSpan KeyRotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Days an order keeps its customer's contact details, for merchants that set none.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>NCRONTAB (with seconds) for the retention sweep.</summary>
    public string RetentionSchedule { get; set; } = "0 0 3 * * *";

    /// <summary>The key (base64, at least 16 bytes) that signs console session cookies; empty turns console sign-in off.</summary>
    public string ConsoleSessionKey { get; set; } = "";

    /// <summary>How long a console session lasts after sign-in.</summary>
    public TimeSpan ConsoleSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Lets merchant webhooks use http and point at loopback or private addresses: local development and tests only.
    /// Off, a webhook URL must be https on a public address, checked when it is set and again on every connection.
    /// </summary>
    public bool AllowPrivateWebhooks { get; set; }

    /// <summary>Broadcast sends released per second on SMS (Twilio's per-sender limit; 1/s for a long code).</summary>
    public double SmsSendsPerSecond { get; set; } = 10;

    /// <summary>Broadcast sends released per second by e-mail.</summary>
    public double EmailSendsPerSecond { get; set; } = 10;

    /// <summary>Broadcast sends released per second to the merchant's webhook.</summary>
    public double WebhookSendsPerSecond { get; set; } = 10;

    /// <summary>When quiet hours begin in the merchant's time zone: no broadcast is sent until <see cref="QuietHoursEnd"/> unless urgent.</summary>
    public TimeSpan QuietHoursStart { get; set; } = TimeSpan.FromHours(21);

    /// <summary>When quiet hours end in the merchant's time zone.</summary>
    public TimeSpan QuietHoursEnd { get; set; } = TimeSpan.FromHours(8);
}
