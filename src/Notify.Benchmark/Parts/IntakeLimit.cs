using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Notify.Benchmark.Parts;

/// <summary>
/// An experiment, off unless <c>--intake-limit N</c> is given: at most N intake requests (POST …/orders) are handled at
/// once; one more is answered at once with 503, <c>Retry-After: 1</c> and a problem+json body, without touching storage.
/// It stands for the admission control the Functions host offers (host.json <c>extensions.http.maxConcurrentRequests</c>)
/// and shows what bounding intake's concurrency does under saturation (docs/BENCHMARKS.md, part 8).
/// </summary>
public sealed class IntakeLimit(int limit) : IStartupFilter
{
    private int _inFlight;

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var isIntake = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value?.EndsWith("/orders", StringComparison.Ordinal) == true;
            if (!isIntake)
            {
                await nextMiddleware(context);
                return;
            }
            if (Interlocked.Increment(ref _inFlight) > limit)
            {
                Interlocked.Decrement(ref _inFlight);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                context.Response.ContentType = "application/problem+json";
                await context.Response.WriteAsync("""{"title":"Too many orders at once; retry shortly.","status":503}""");
                return;
            }
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        next(app);
    };
}
