using Notify.KakaoSandbox.Messages;

namespace Notify.KakaoSandbox.Modes;

internal static class ModeApi
{
    public static void MapSandboxModes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/mode", (ModeBoard board) => board.View());
        app.MapPut("/sandbox/mode", Put);
    }

    private static IResult Put(ModeRequest request, ModeBoard board)
    {
        if (request.ToRule(out var problem) is not { } rule)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid sandbox mode");
        }

        board.Set(string.IsNullOrWhiteSpace(request.To) ? null : KoreanPhone.Normalize(request.To), rule);
        return Results.Ok(board.View());
    }
}
