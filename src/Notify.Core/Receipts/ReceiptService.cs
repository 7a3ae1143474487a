using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Common;
using Notify.Configuration;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Telemetry;
using Twilio.Security;

namespace Notify.Receipts;

/// <summary>Twilio's delivery receipts: verified, then applied to the attempt they name. Statuses only move forward.</summary>
public sealed class ReceiptService(DeliveryPipeline pipeline, IOptions<NotifyOptions> notify, IOptions<TwilioOptions> twilio, ILogger<ReceiptService> logger)
{
    private int _reported;

    /// <summary>
    /// True when <c>Twilio:AuthToken</c> holds a real token. Without one every receipt is refused (503): an empty or
    /// unresolved token would let anyone sign receipts. The health endpoint shows it.
    /// </summary>
    public bool TwilioReceiptsConfigured => SecretSetting.IsUsable(twilio.Value.AuthToken);

    /// <summary>
    /// Applies the receipt; a forged or unsigned one is a 401 and changes nothing, and every one is a 503 while the
    /// auth token is not configured. A receipt that names an attempt it cannot be for (not SMS, another SID) changes nothing.
    /// </summary>
    public async Task<Result<bool>> ApplyAsync(TwilioReceipt receipt, CancellationToken ct)
    {
        if (!TwilioReceiptsConfigured)
        {
            if (Interlocked.Exchange(ref _reported, 1) == 0)
            {
                logger.LogError("Configuration error: Twilio:AuthToken is empty or an unresolved Key Vault reference; every Twilio receipt is refused until it is set.");
            }
            return Problem.Unavailable("Receipts are not accepted until the Twilio auth token is configured.");
        }
        // Twilio signs the URL it called: the public one, not whatever a proxy in front of the app forwards.
        var url = notify.Value.PublicBaseUrl.TrimEnd('/') + receipt.PathAndQuery;
        var form = receipt.Form.ToDictionary(kv => kv.Key, kv => kv.Value);
        if (string.IsNullOrEmpty(receipt.Signature) || !Signed(url, form, receipt.Signature))
        {
            return Problem.Unauthorized("X-Twilio-Signature does not match this request.");
        }
        if (AttemptKey.Parse(receipt.Attempt) is not { } key
            || !form.TryGetValue("MessageStatus", out var status))
        {
            return false;
        }
        using var span = NotifyTelemetry.StartInTrace("receipt", CallbackTrace(receipt.PathAndQuery), null, key.MerchantId, key.OrderId);
        span?.SetTag(NotifyTelemetry.AttemptTag, key.Attempt);
        span?.SetTag("notify.receipt.status", status.Length <= 16 && status.All(char.IsAsciiLetter) ? status : "(other)");
        form.TryGetValue("MessageSid", out var sid);
        form.TryGetValue("ErrorCode", out var errorCode);
        if (!IsFinal(status) && string.IsNullOrEmpty(errorCode))
        {
            // "queued", "sending", "sent" with nothing to add move no state: acknowledged without a read or a write
            // (two storage requests on every SMS). The final status records itself, and a warning code is still kept.
            return false;
        }
        var error = string.IsNullOrEmpty(errorCode) ? null : AttemptErrors.Format(AttemptErrors.SmsUndelivered, $"Twilio reported error {SafeCode(errorCode)}.");
        // Twilio's codes for a handset that cannot be reached, a number that does not exist, a landline: the recipient's problem.
        var recipientProblem = errorCode is "30003" or "30005" or "30006";
        var saved = await pipeline.RunAsync(key.MerchantId, key.OrderId, (context, _, state) =>
            IsFor(state, key.Attempt, sid) ? DeliveryMachine.ApplyReceipt(state, key.Attempt, status, error, context, recipientProblem) : null, ct);
        return saved is not null;
    }

    // Only read after the signature checks out: Twilio signed the query that carries it.
    private static string? CallbackTrace(string pathAndQuery) =>
        pathAndQuery.IndexOf('?') is var at and >= 0 && QueryHelpers.ParseQuery(pathAndQuery[at..]).TryGetValue("traceparent", out var trace)
            ? trace.ToString()
            : null;

    private static bool IsFinal(string status) => status is "delivered" or "undelivered" or "failed" or "read";

    // The SDK parses the URL it is given; a URL it cannot parse was not signed by Twilio.
    private bool Signed(string url, Dictionary<string, string> form, string signature)
    {
        try
        {
            return new RequestValidator(twilio.Value.AuthToken).Validate(url, form, signature);
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    // Twilio's receipts are about SMS only, and once the attempt's SID is known, about that message only.
    private static bool IsFor(DeliveryState state, int n, string? sid) =>
        state.Attempts.FirstOrDefault(a => a.N == n) is { Channel: ChannelNames.Sms } attempt
        && (attempt.ProviderId is null || string.Equals(attempt.ProviderId, sid, StringComparison.Ordinal));

    // Twilio's error codes are numbers; anything else is not echoed to merchants.
    private static string SafeCode(string code) => code.Length <= 8 && code.All(char.IsAsciiDigit) ? code : "(unknown)";
}
