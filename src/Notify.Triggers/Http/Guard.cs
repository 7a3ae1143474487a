using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notify.Common;
using Notify.Storage;

namespace Notify.Triggers.Http;

/// <summary>
/// Runs an HTTP function so that storage being unreachable is a 503 with <c>Retry-After</c>: under the Functions host an
/// exception that escapes a function is an empty 500, so every answer must be made here.
/// </summary>
public static class Guard
{
    /// <summary>The handler's answer, or a 503 problem when storage could not be reached.</summary>
    public static async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Exception ex) when (!request.HttpContext.RequestAborted.IsCancellationRequested && StorageOutage.IsOutage(ex))
        {
            Logger(request).LogWarning(ex, "Storage unreachable while serving {Route}; answered 503", request.Path.Value);
            return new ProblemResult(Problem.Unavailable(StorageOutage.RetryAfter));
        }
    }

    /// <summary>The logger guarded answers report to.</summary>
    internal static ILogger Logger(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(Guard)) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
