using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Telemetry;
using OpenTelemetry.Trace;

namespace Notify.Core.Tests.Telemetry;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, Notify's spans reach that OTLP endpoint.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Spans_go_to_the_otlp_endpoint_the_standard_variable_names()
    {
        var received = new ConcurrentQueue<string>();
        var collector = WebApplication.CreateBuilder();
        collector.WebHost.UseUrls("http://127.0.0.1:0");
        await using var otlp = collector.Build();
        otlp.MapPost("/v1/{signal}", (string signal) => { received.Enqueue(signal); return Results.Ok(); });
        await otlp.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryExport.OtlpEndpoint] = otlp.Urls.Single(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddNotifyTelemetry(configuration);
        await using var provider = services.BuildServiceProvider();
        var tracing = provider.GetRequiredService<TracerProvider>();

        // Another span per try: an export the collector missed while starting is not sent again.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!received.Contains("traces") && DateTime.UtcNow < until)
        {
            using (NotifyTelemetry.StartForOrder("intake", "m_export", "o_export"))
            {
            }
            tracing.ForceFlush(5000);
        }

        Assert.True(received.Contains("traces"), string.Join(", ", received));
        await otlp.StopAsync();
    }
}
