using Notify.KakaoSandbox.Messages;

namespace Notify.KakaoSandbox.Modes;

/// <summary>The answers of the modes that send nothing: fail, throttle and hang.</summary>
internal static class Refusal
{
    public static async Task<IResult> AnswerAsync(ModeRule rule, HttpContext http, KakaoSandboxOptions options, TimeProvider clock)
    {
        switch (rule.Mode)
        {
            case SandboxMode.Throttle:
                http.Response.Headers.RetryAfter = "1";
                return SolapiError.Result(StatusCodes.Status429TooManyRequests, "TooManyRequests", "요청이 너무 많습니다.");
            case SandboxMode.Hang:
                try
                {
                    await Task.Delay(options.HangFor, clock, http.RequestAborted);
                }
                catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
                {
                    return Results.Empty;
                }
                return Unavailable();
            default:
                return rule.Status is { } status and not StatusCodes.Status503ServiceUnavailable
                    ? SolapiError.Result(status, status >= 500 ? "InternalError" : "ValidationError", $"샌드박스 실패 (HTTP {status})")
                    : Unavailable();
        }
    }

    private static IResult Unavailable() =>
        SolapiError.Result(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "서비스를 일시적으로 사용할 수 없습니다.");
}
