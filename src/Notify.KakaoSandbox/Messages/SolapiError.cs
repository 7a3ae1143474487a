namespace Notify.KakaoSandbox.Messages;

/// <summary>SOLAPI's error body; the SDK turns it into a ClientError or ServerError with this errorCode.</summary>
internal sealed record SolapiError(string ErrorCode, string ErrorMessage)
{
    public static IResult Result(int status, string errorCode, string errorMessage) =>
        Results.Json(new SolapiError(errorCode, errorMessage), SolapiJson.Options, statusCode: status);
}
