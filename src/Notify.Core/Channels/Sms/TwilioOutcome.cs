using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Twilio.Exceptions;

namespace Notify.Channels.Sms;

/// <summary>Reads what a failed Twilio create means for the delivery; the merchant sees a code, the log the details.</summary>
internal static class TwilioOutcome
{
    // Twilio's codes for a destination that will never take this message; any other 4xx but 429 is permanent too.
    private static readonly Dictionary<int, string> Permanent = new()
    {
        [21211] = "invalid number",
        [21408] = "region not enabled",
        [21610] = "unsubscribed",
        [21614] = "not a mobile number",
    };

    /// <summary>Twilio answered with an error.</summary>
    public static SendResult Rejected(ApiException e, ILogger logger)
    {
        // Twilio's message can quote the number, so only the status and code are logged.
        logger.LogWarning("Twilio refused a create: HTTP {Status}, code {Code}", e.Status, e.Code);
        if (e.Status == 429)
        {
            // The sender's queue is full, still after the retries: wait and send again, never a sign of an outage.
            return new SendResult(SendStatus.Throttled,
                Error: AttemptErrors.Format(AttemptErrors.SmsProviderRefused, "Twilio throttled the request (HTTP 429), after retries."), RetryAfter: SendResult.Backpressure);
        }
        var what = Permanent.TryGetValue(e.Code, out var reason) ? $", {reason}" : "";
        var (code, message) = e.Status switch
        {
            503 => (AttemptErrors.SmsProviderRefused, $"Twilio refused the request (HTTP {e.Status}), after retries."),
            >= 400 and < 500 => (AttemptErrors.SmsRejected, $"Twilio rejected the message permanently (HTTP {e.Status}, code {e.Code}{what})."),
            _ => (AttemptErrors.SmsProviderError, $"Twilio failed (HTTP {e.Status})."),
        };
        return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(code, message), Permanent: e.Status is >= 400 and < 500);
    }

    /// <summary>No answer from Twilio: a timeout may have created a message; anything else did not.</summary>
    public static SendResult Unanswered(Exception e, ILogger logger)
    {
        var cause = e.InnerException ?? e;
        // Connection errors name Twilio's host and port, never the recipient.
        logger.LogWarning("Twilio did not answer a create: {Kind}: {Reason}", cause.GetType().Name, cause.Message);
        return cause switch
        {
            TimeoutRejectedException or TaskCanceledException or TimeoutException => new SendResult(
                SendStatus.Unknown, Error: AttemptErrors.Format(AttemptErrors.SmsProviderTimeout, "Twilio did not answer in time; the message may have been created.")),
            BrokenCircuitException => new SendResult(
                SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.SmsCircuitOpen, "Twilio circuit open after repeated failures.")),
            _ => new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.SmsProviderUnreachable, "Twilio unreachable; the message was not sent.")),
        };
    }
}
