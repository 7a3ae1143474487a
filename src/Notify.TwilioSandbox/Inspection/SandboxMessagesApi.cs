using Notify.TwilioSandbox.Messages;

namespace Notify.TwilioSandbox.Inspection;

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
