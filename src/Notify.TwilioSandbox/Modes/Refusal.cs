using Notify.TwilioSandbox.Messages;

namespace Notify.TwilioSandbox.Modes;

/// <summary>The answers of the modes that send nothing: fail, throttle and hang.</summary>
internal static class Refusal
{
    public static async Task<IResult> AnswerAsync(ModeRule rule, string to, HttpContext http, SandboxOptions options, TimeProvider clock)
    {
        switch (rule.Mode)
        {
            case SandboxMode.Throttle:
                http.Response.Headers.RetryAfter = "1";
                return TwilioError.Result(StatusCodes.Status429TooManyRequests, 20429, "Too Many Requests");
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
                var status = rule.Status ?? StatusCodes.Status503ServiceUnavailable;
                var code = rule.Code ?? 20000 + status;
                return TwilioError.Result(status, code, Describe(code, to));
        }
    }

    private static IResult Unavailable() =>
        TwilioError.Result(StatusCodes.Status503ServiceUnavailable, 20503, "Service Unavailable");

    private static string Describe(int code, string to) => code switch
    {
        21211 => $"Invalid 'To' Phone Number: {to}",
        21408 => $"Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {to}",
        21610 => "Attempt to send to unsubscribed recipient",
        21614 => $"'To' number {to} is not a valid mobile number",
        20500 => "Internal Server Error",
        20503 => "Service Unavailable",
        _ => $"Sandbox failure (code {code})",
    };
}
