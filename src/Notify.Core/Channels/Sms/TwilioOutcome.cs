using Polly.CircuitBreaker;
using Polly.Timeout;
using Twilio.Exceptions;

namespace Notify.Channels.Sms;

/// <summary>Reads what a failed Twilio create means for the delivery.</summary>
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

    /// <summary>How long a send Twilio throttled waits before it is tried again.</summary>
    public static readonly TimeSpan Backpressure = TimeSpan.FromSeconds(2);

    /// <summary>Twilio answered with an error.</summary>
    public static SendResult Rejected(ApiException e)
    {
        if (e.Status == 429)
        {
            // The sender's queue is full, still after the retries: wait and send again, never a sign of an outage.
            return new SendResult(SendStatus.Throttled, Error: $"Twilio throttled: HTTP 429, code {e.Code}: {e.Message}", RetryAfter: Backpressure);
        }
        var what = Permanent.TryGetValue(e.Code, out var reason) ? $" ({reason})" : "";
        var kind = e.Status switch
        {
            503 => "refused, after retries",
            >= 400 and < 500 => "rejected permanently",
            _ => "failed",
        };
        return new SendResult(
            SendStatus.Failed, Error: $"Twilio {kind}: HTTP {e.Status}, code {e.Code}{what}: {e.Message}",
            Permanent: e.Status is >= 400 and < 500);
    }

    /// <summary>No answer from Twilio: a timeout may have created a message; anything else did not.</summary>
    public static SendResult Unanswered(Exception e)
    {
        var cause = e.InnerException ?? e;
        return cause switch
        {
            TimeoutRejectedException or TaskCanceledException or TimeoutException => new SendResult(
                SendStatus.Unknown, Error: "Twilio did not answer in time; the message may have been created."),
            BrokenCircuitException => new SendResult(
                SendStatus.Failed, Error: $"Twilio circuit open after repeated failures: {cause.Message}"),
            _ => new SendResult(SendStatus.Failed, Error: $"Twilio unreachable: {cause.Message}"),
        };
    }
}
