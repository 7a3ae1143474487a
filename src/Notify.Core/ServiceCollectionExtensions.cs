using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Channels;
using Notify.Configuration;
using Notify.Channels.Health;
using Notify.Customers;
using Notify.Delivery;
using Notify.Receipts;
using Notify.Intake;
using Notify.MerchantConsole;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;
using Notify.Sweep;

namespace Notify;

/// <summary>Registers the application: the one list both hosts call.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds Notify's services, storage clients and options.</summary>
    public static IServiceCollection AddNotify(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.Section));
        services.AddAzureClientsCore();
        services.AddSingleton(sp => StorageClients.FromConfiguration(configuration, sp.GetRequiredService<AzureComponentFactory>()));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<QueueSender>();
        services.AddSingleton<DeadlineIndex>();
        services.AddSingleton<MerchantStore>();
        services.AddSingleton<ConsoleSessionStore>();
        services.AddSingleton<MerchantAuth>();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<MerchantChannels>();
        services.AddSingleton<MerchantService>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<CustomerQueries>();
        services.AddSingleton<ChannelHealth>();
        services.AddSingleton<OutageLedger>();
        services.AddSingleton<ChannelsReport>();
        services.AddSingleton<DeliveryEffects>();
        services.AddSingleton<IEffectHandler>(sp => sp.GetRequiredService<DeliveryEffects>());
        services.AddSingleton<StallSweep>();
        services.AddSingleton<DeliveryRunner>();
        services.AddSingleton<MerchantAlerts>();
        services.AddSingleton<FanOutService>();
        services.AddSingleton<SendService>();
        services.AddSingleton<PoisonService>();
        services.AddSingleton<ReceiptService>();
        services.AddNotifyChannels(configuration);
        return services;
    }
}
