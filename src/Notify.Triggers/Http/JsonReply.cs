using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Notify.Common;

namespace Notify.Triggers.Http;

/// <summary>Writes a value as JSON with Notify's serializer settings and an optional Location.</summary>
public sealed class JsonReply(int status, object value, string? location = null) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        return response.WriteAsJsonAsync(value, value.GetType(), Json.Options, "application/json; charset=utf-8");
    }
}
