using Notify.KakaoSandbox.Messages;

namespace Notify.KakaoSandbox.Inspection;

internal static class SandboxMessagesApi
{
    public static void MapSandboxMessages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/messages", (MessageLog log) => log.All().Select(SandboxMessageView.Of));
        app.MapDelete("/sandbox/messages", (MessageLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
