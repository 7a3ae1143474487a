using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Notify.Telemetry;

/// <summary>
/// OpenTelemetry for either host: Notify's spans and metrics, incoming and outgoing HTTP. Exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, to Azure Monitor (Entra sign-in, no key) when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, and nowhere otherwise.
/// </summary>
public static class TelemetryExport
{
    /// <summary>The standard OTLP endpoint variable; the OpenTelemetry SDK reads the rest of its <c>OTEL_*</c> settings itself.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Application Insights' connection string (Azure sets it for the Functions host too).</summary>
    public const string AppInsightsConnection = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>How the Functions host signs in to Application Insights (<c>ClientId=…;Authorization=AAD</c>); the worker uses the same identity.</summary>
    public const string AppInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Adds OpenTelemetry; returns the builder so a host can add its own part (the Functions worker's defaults).</summary>
    public static OpenTelemetryBuilder AddNotifyTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("notify"))
            .WithTracing(tracing => tracing
                .AddSource(NotifyTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(NotifyTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            builder.WithLogging().UseOtlpExporter();
        }
        if (configuration[AppInsightsConnection] is { Length: > 0 } connection)
        {
            var credential = Credential(configuration[AppInsightsAuthentication]);
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connection;
                options.Credential = credential;
            });
        }
        return builder;
    }

    // The resource turns local (key) authentication off, so ingestion needs an Entra token: the app's user-assigned identity.
    private static TokenCredential Credential(string? authentication)
    {
        var clientId = authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1];
        return clientId is { Length: > 0 }
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
