using Microsoft.Extensions.DependencyInjection.Extensions;
using Notify.TwilioSandbox.Callbacks;
using Notify.TwilioSandbox.Inspection;
using Notify.TwilioSandbox.Messages;
using Notify.TwilioSandbox.Modes;

namespace Notify.TwilioSandbox;

public static class TwilioSandboxApp
{
    public const string DefaultUrl = "http://localhost:7072";

    public static WebApplication Build(string[] args, Action<SandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.Section));
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = TwilioJson.Options.Encoder);
        builder.Services.AddSingleton<MessageLog>();
        builder.Services.AddSingleton<ModeBoard>();
        builder.Services.AddSingleton<RateLimit.RateLimiter>();
        builder.Services.AddStatusCallbacks();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapTwilioMessages();
        app.MapSandboxMessages();
        app.MapSandboxModes();
        RateLimit.RateLimitApi.MapSandboxRateLimit(app);
        app.MapMessagePage();
        return app;
    }
}
