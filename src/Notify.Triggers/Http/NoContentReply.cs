using Microsoft.AspNetCore.Mvc;

namespace Notify.Triggers.Http;

/// <summary>204 with no body.</summary>
public sealed class NoContentReply : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
