using Microsoft.Azure.WebJobs.Extensions.Storage.Queues;
using Notify.SelfHost.Configuration;
using Notify.SelfHost.Http;
using Notify.Telemetry;

namespace Notify.SelfHost;

/// <summary>
/// Runs Notify's function classes without Azure Functions Core Tools: Kestrel serves the HTTP functions on the same
/// routes, the WebJobs SDK's queue listener (the engine under the Functions host) drives the queue functions.
/// </summary>
public static class NotifySelfHost
{
    /// <summary>The port the Functions host uses locally, kept so every URL in the docs works on both hosts.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Builds the host; <paramref name="overrides"/> lets tests replace services (a fake clock).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json"));
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        AdminKey.EnsureConfigured(builder.Configuration[$"{Notify.Configuration.NotifyOptions.Section}:{nameof(Notify.Configuration.NotifyOptions.AdminKey)}"]);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // First, so its start-up (creating tables and queues) finishes before the queue listener starts polling.
        builder.Services.AddNotify(builder.Configuration);
        builder.Services.AddNotifyTelemetry(builder.Configuration);

        var hostJson = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json")).Build();
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            webJobs.AddAzureStorageQueues(queues => hostJson.GetSection("extensions:queues").Bind(queues));
        });

        builder.Services.AddMvcCore();
        builder.Services.AddProblemDetails();
        FunctionClasses.Register(builder.Services);
        builder.Services.AddHostedService(Timers.SweepTimer.ForStallSweep);
        // Not AddHostedService: it keeps one hosted service per implementation type, and both timers are SweepTimers.
        builder.Services.AddSingleton<IHostedService>(Timers.SweepTimer.ForRetention);
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        // An unknown route, a wrong method or an unexpected error is a problem+json too, not an empty body.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        HttpFunctions.Map(app, hostJson["extensions:http:routePrefix"] ?? "api");
        return app;
    }
}
