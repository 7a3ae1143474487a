using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Notify.Benchmark.Measure;

/// <summary>
/// Tells the request counter who caused a storage request: the intake route, another HTTP route (Twilio's status
/// callbacks, admin), or neither (the queue listener and the queue functions). Added to the self-host as a startup
/// filter, so the app's code is unchanged.
/// </summary>
public sealed class RequestScope : IStartupFilter
{
    /// <summary>Storage requests made while handling POST …/orders.</summary>
    public const string Intake = "intake";
    /// <summary>Storage requests made while handling any other HTTP request.</summary>
    public const string OtherHttp = "http (receipts, admin)";
    /// <summary>Storage requests made outside HTTP: queue polling and the queue functions.</summary>
    public const string Background = "queues";

    /// <summary>Storage requests made by a sweep the benchmark runs itself.</summary>
    public const string Sweep = "sweep";

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The scope of the code running now.</summary>
    public static string Now => Current.Value ?? Background;

    /// <summary>Runs <paramref name="work"/> with the storage requests it causes counted under <paramref name="scope"/>.</summary>
    public static async Task<T> RunAsync<T>(string scope, Func<Task<T>> work)
    {
        // Set inside this async method, so the scope flows into the work and is undone when it returns.
        Current.Value = scope;
        return await work();
    }

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var isIntake = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value?.EndsWith("/orders", StringComparison.Ordinal) == true;
            Current.Value = isIntake ? Intake : OtherHttp;
            return nextMiddleware(context);
        });
        next(app);
    };
}
