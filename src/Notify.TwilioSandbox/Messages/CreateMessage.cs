using Microsoft.Extensions.Options;
using Notify.TwilioSandbox.Callbacks;
using Notify.TwilioSandbox.Modes;

namespace Notify.TwilioSandbox.Messages;

internal static class CreateMessage
{
    // Twilio picks the sender from a Messaging Service's pool; the sandbox's pool is this one number.
    public const string ServicePoolSender = "+15005550006";

    public static async Task<IResult> HandleAsync(
        string accountSid,
        HttpContext http,
        MessageLog log,
        ModeBoard modes,
        RateLimit.RateLimiter limiter,
        StatusCallbacks callbacks,
        TimeProvider clock,
        IOptions<SandboxOptions> options)
    {
        var form = http.Request.HasFormContentType
            ? await http.Request.ReadFormAsync(http.RequestAborted)
            : FormCollection.Empty;
        if (MessageRequest.Parse(form, out var error) is not { } request)
        {
            return error!;
        }

        if (!limiter.TryTake())
        {
            http.Response.Headers.RetryAfter = "1";
            return TwilioError.Result(StatusCodes.Status429TooManyRequests, 20429, "Too Many Requests");
        }

        var rule = modes.For(request.To);
        if (rule.Refuses)
        {
            modes.CountRefusal(request.To);
            return await Refusal.AnswerAsync(rule, request.To, http, options.Value, clock);
        }

        var message = new SandboxMessage(
            MessageSid.New(), accountSid, request.To, request.From ?? ServicePoolSender, request.MessagingServiceSid,
            request.Body, request.StatusCallback, SegmentCounter.Count(request.Body), clock.GetUtcNow());
        log.Add(message);
        callbacks.Schedule(message, rule.Mode);
        return Results.Json(TwilioMessageJson.Of(message), TwilioJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
