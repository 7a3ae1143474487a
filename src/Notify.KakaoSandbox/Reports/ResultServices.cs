namespace Notify.KakaoSandbox.Reports;

internal static class ResultServices
{
    public static IServiceCollection AddMessageResults(this IServiceCollection services)
    {
        services.AddSingleton<MessageResults>();
        services.AddHostedService<ResultDispatcher>();
        return services;
    }
}
