using Microsoft.AspNetCore.Mvc;
using Notify.MerchantConsole;

namespace Notify.Triggers.Http;

/// <summary>Writes a console file, or a 304 with its validator.</summary>
public sealed class ConsoleFileReply(ConsoleReply reply) : IActionResult
{
    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }
        if (reply.Status == 200)
        {
            response.ContentType = reply.File.ContentType;
            response.ContentLength = reply.File.Body.Length;
            if (!Microsoft.AspNetCore.Http.HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                await response.Body.WriteAsync(reply.File.Body, context.HttpContext.RequestAborted);
            }
        }
    }
}
