using Microsoft.Extensions.DependencyInjection.Extensions;
using Notify.KakaoSandbox.Auth;
using Notify.KakaoSandbox.Inspection;
using Notify.KakaoSandbox.Messages;
using Notify.KakaoSandbox.Modes;
using Notify.KakaoSandbox.Reports;

namespace Notify.KakaoSandbox;

public static class KakaoSandboxApp
{
    public const string DefaultUrl = "http://localhost:7073";

    public static WebApplication Build(string[] args, Action<KakaoSandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<KakaoSandboxOptions>().Bind(builder.Configuration.GetSection(KakaoSandboxOptions.Section));
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = SolapiJson.Options.Encoder);
        builder.Services.AddSingleton<SignatureLedger>();
        builder.Services.AddSingleton<MessageLog>();
        builder.Services.AddSingleton<ModeBoard>();
        builder.Services.AddMessageResults();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapSolapiMessages();
        app.MapSandboxMessages();
        app.MapSandboxModes();
        app.MapMessagePage();
        return app;
    }
}
