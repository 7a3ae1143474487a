namespace Notify.TwilioSandbox.Callbacks;

internal static class CallbackServices
{
    public static IServiceCollection AddStatusCallbacks(this IServiceCollection services)
    {
        services.AddHttpClient(CallbackPoster.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<StatusCallbacks>();
        services.AddSingleton<CallbackPoster>();
        services.AddHostedService<CallbackDispatcher>();
        return services;
    }
}
