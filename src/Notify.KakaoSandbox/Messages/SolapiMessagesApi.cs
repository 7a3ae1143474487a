using Notify.KakaoSandbox.Auth;

namespace Notify.KakaoSandbox.Messages;

internal static class SolapiMessagesApi
{
    public static void MapSolapiMessages(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/messages/v4").AddEndpointFilter(SolapiAuth.Require);
        messages.MapPost("/send-many/detail", SendMessages.HandleAsync);
        messages.MapGet("/list", ListMessages.Handle);
    }
}
