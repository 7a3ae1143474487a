using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Notify.Common;

namespace Notify.Triggers.Http;

/// <summary>Writes a <see cref="Problem"/> as <c>application/problem+json</c> (RFC 9457).</summary>
public sealed class ProblemResult(Problem problem) : IActionResult
{
    /// <summary>The problem written.</summary>
    public Problem Problem { get; } = problem;

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = Problem.Status;
        if (Problem.Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }
        if (Problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = "60";
        }
        var body = new ProblemBody(Problem.Type, Problem.Title, Problem.Status, Problem.Detail, context.HttpContext.Request.Path, Problem.Errors);
        return response.WriteAsJsonAsync(body, Json.Options, "application/problem+json; charset=utf-8");
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string? Detail, string Instance, IReadOnlyDictionary<string, string[]>? Errors);
}
