using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using Notify;
using Notify.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNotify(builder.Configuration);
// The worker's defaults: the invocation's span (in the host's trace) and the Functions resource attributes.
builder.Services.AddNotifyTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
builder.Build().Run();
