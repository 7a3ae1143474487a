using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Notify.Channels.Kakao;

/// <summary>
/// Reads what a SOLAPI send that did not register a message means for the delivery. The attempt's error carries a
/// stable code and only what Notify can vouch for (HTTP status, SOLAPI's error identifier, its four-digit status
/// code), never SOLAPI's free text, which can quote the recipient.
/// </summary>
internal static class KakaoOutcome
{
    /// <summary>SOLAPI answered with an HTTP error and its <c>{ errorCode, errorMessage }</c>.</summary>
    public static SendResult Rejected(HttpStatusCode status, SolapiWire.Error? error)
    {
        var code = (int)status;
        if (code == 429)
        {
            // SOLAPI's rate limit, still after the retries: back-pressure, never a sign of an outage; send again later.
            return new SendResult(SendStatus.Throttled,
                Error: AttemptErrors.Format(AttemptErrors.KakaoProviderRefused, $"SOLAPI throttled the request (HTTP 429, {SafeIdentifier(error?.ErrorCode)}), after retries."),
                RetryAfter: SendResult.Backpressure);
        }
        // 401/403 are Notify's credentials (InvalidAPIKey, SignatureDoesNotMatch…): every send fails, so the channel does.
        var permanent = code is >= 400 and < 500 and not 401 and not 403;
        var (errorCode, kind) = code switch
        {
            503 => (AttemptErrors.KakaoProviderRefused, "refused, after retries"),
            401 or 403 => (AttemptErrors.KakaoProviderRefused, "refused Notify's credentials"),
            _ when permanent => (AttemptErrors.KakaoRejected, "rejected the message permanently"),
            _ => (AttemptErrors.KakaoProviderError, "failed"),
        };
        return new SendResult(
            SendStatus.Failed,
            Error: AttemptErrors.Format(errorCode, $"SOLAPI {kind} (HTTP {code}, {SafeIdentifier(error?.ErrorCode)})."),
            Permanent: permanent);
    }

    /// <summary>SOLAPI answered 200 but registered no message: the failedMessageList entry's status code decides.</summary>
    public static SendResult NotRegistered(string statusCode, string? statusMessage)
    {
        var recipient = KakaoCodes.IsRecipientProblem(statusCode);
        return new SendResult(
            SendStatus.Failed,
            Error: AttemptErrors.Format(
                recipient ? AttemptErrors.KakaoRejected : AttemptErrors.KakaoProviderError,
                $"SOLAPI did not accept the AlimTalk: {KakaoCodes.Describe(SafeStatusCode(statusCode))}."),
            Permanent: recipient);
    }

    /// <summary>No answer from SOLAPI: a timeout may have created a message; anything else did not.</summary>
    public static SendResult Unanswered(Exception e) => e switch
    {
        TimeoutRejectedException => new SendResult(
            SendStatus.Unknown, Error: AttemptErrors.Format(AttemptErrors.KakaoProviderTimeout, "SOLAPI did not answer in time; the AlimTalk may have been accepted.")),
        BrokenCircuitException => new SendResult(
            SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.KakaoCircuitOpen, "SOLAPI circuit open after repeated failures.")),
        _ => new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.KakaoProviderUnreachable, "SOLAPI unreachable.")),
    };

    /// <summary>SOLAPI's status codes are four digits; anything else is not echoed to merchants.</summary>
    public static string SafeStatusCode(string code) => code.Length == 4 && code.All(char.IsAsciiDigit) ? code : "(unknown code)";

    // SOLAPI's error codes are identifiers (InternalError, SignatureDoesNotMatch); anything else is not echoed.
    private static string SafeIdentifier(string? id) =>
        id is { Length: > 0 and <= 40 } && id.All(char.IsAsciiLetterOrDigit) ? id : "no error code";
}
