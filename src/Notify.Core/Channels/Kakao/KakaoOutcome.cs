using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Notify.Channels.Kakao;

/// <summary>Reads what a SOLAPI send that did not register a message means for the delivery.</summary>
internal static class KakaoOutcome
{
    /// <summary>SOLAPI answered with an HTTP error and its <c>{ errorCode, errorMessage }</c>.</summary>
    public static SendResult Rejected(HttpStatusCode status, SolapiWire.Error? error)
    {
        var code = (int)status;
        // 401/403 are Notify's credentials (InvalidAPIKey, SignatureDoesNotMatch…): every send fails, so the channel does.
        var permanent = code is >= 400 and < 500 and not 401 and not 403 and not 429;
        var kind = code switch
        {
            429 or 503 => "refused, after retries",
            401 or 403 => "refused Notify's credentials",
            _ when permanent => "rejected permanently",
            _ => "failed",
        };
        return new SendResult(
            SendStatus.Failed,
            Error: $"SOLAPI {kind}: HTTP {code}, {error?.ErrorCode ?? "no error code"}: {error?.ErrorMessage}",
            Permanent: permanent);
    }

    /// <summary>SOLAPI answered 200 but registered no message: the failedMessageList entry's status code decides.</summary>
    public static SendResult NotRegistered(string statusCode, string? statusMessage) => new(
        SendStatus.Failed,
        Error: $"SOLAPI did not accept the AlimTalk: {KakaoCodes.Describe(statusCode)}: {statusMessage}",
        Permanent: KakaoCodes.IsRecipientProblem(statusCode));

    /// <summary>No answer from SOLAPI: a timeout may have created a message; anything else did not.</summary>
    public static SendResult Unanswered(Exception e) => e switch
    {
        TimeoutRejectedException => new SendResult(
            SendStatus.Unknown, Error: "SOLAPI did not answer in time; the AlimTalk may have been accepted."),
        BrokenCircuitException => new SendResult(
            SendStatus.Failed, Error: $"SOLAPI circuit open after repeated failures: {e.Message}"),
        _ => new SendResult(SendStatus.Failed, Error: $"SOLAPI unreachable: {e.Message}"),
    };
}
