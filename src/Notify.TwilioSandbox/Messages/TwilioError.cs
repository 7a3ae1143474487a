namespace Notify.TwilioSandbox.Messages;

/// <summary>Twilio's error body; the SDK turns it into an ApiException with Code and Status.</summary>
internal sealed record TwilioError(int Code, string Message, string MoreInfo, int Status)
{
    public static IResult Result(int status, int code, string message) =>
        Results.Json(
            new TwilioError(code, message, $"https://www.twilio.com/docs/errors/{code}", status),
            TwilioJson.Options,
            statusCode: status);
}
