namespace Notify.TwilioSandbox.Messages;

internal static class TwilioMessagesApi
{
    public static void MapTwilioMessages(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup($"/{TwilioJson.ApiVersion}/Accounts/{{accountSid}}")
            .AddEndpointFilter(TwilioBasicAuth.RequireAccount);
        account.MapPost("/Messages.json", CreateMessage.HandleAsync);
        account.MapGet("/Messages/{sid}.json", Fetch);
    }

    private static IResult Fetch(string accountSid, string sid, MessageLog log) =>
        log.Find(sid) is { } message && message.AccountSid == accountSid
            ? Results.Json(TwilioMessageJson.Of(message), TwilioJson.Options)
            : TwilioError.Result(
                StatusCodes.Status404NotFound,
                20404,
                $"The requested resource /{TwilioJson.ApiVersion}/Accounts/{accountSid}/Messages/{sid}.json was not found");
}
