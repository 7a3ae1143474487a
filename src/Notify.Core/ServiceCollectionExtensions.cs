using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Broadcasts;
using Notify.Channels;
using Notify.Configuration;
using Notify.Channels.Health;
using Notify.Customers;
using Notify.Damage;
using Notify.Deadlines;
using Notify.Delivery.Alerts;
using Notify.Delivery.Pipeline;
using Notify.Delivery.Sending;
using Notify.FanOut;
using Notify.Receipts;
using Notify.Intake;
using Notify.Customers.Erasure;
using Notify.MerchantConsole;
using Notify.Merchants;
using Notify.Merchants.Changes;
using Notify.Merchants.Rotation;
using Notify.Retention;
using Notify.Orders;
using Notify.Storage;
using Notify.Sweep;
using Notify.Telemetry;

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
        services.AddSingleton<SecretBox>();
        services.AddHostedService<SecretKeyCheck>();
        services.AddSingleton<MerchantStore>();
        services.AddSingleton<ConsoleSessionStore>();
        services.AddSingleton<MerchantAuth>();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<MerchantChannels>();
        services.AddSingleton<MerchantService>();
        services.AddSingleton<MerchantUpdates>();
        services.AddSingleton<MerchantDirectory>();
        services.AddSingleton<CredentialRotation>();
        services.AddSingleton<CustomerIds>();
        services.AddSingleton<OrderErasure>();
        services.AddSingleton<CustomerErasure>();
        services.AddSingleton<RetentionSweep>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<PageTokens>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<DamageQueries>();
        services.AddSingleton<BroadcastAudiences>();
        services.AddSingleton<BroadcastNotices>();
        services.AddSingleton<SendPacer>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<BroadcastQueries>();
        services.AddSingleton<CustomerQueries>();
        services.AddSingleton<ChannelHealth>();
        services.AddSingleton<OutageLedger>();
        services.AddSingleton<ChannelsReport>();
        services.AddSingleton<Notify.Operations.HealthCheck>();
        services.AddSingleton<StallSweep>();
        services.AddSingleton<MerchantData>();
        services.AddSingleton<DeliveryConditions>();
        services.AddSingleton<EffectExecutor>();
        services.AddSingleton<DeliveryPipeline>();
        services.AddSingleton<MerchantAlerts>();
        services.AddSingleton<FanOutService>();
        services.AddSingleton<SendService>();
        services.AddSingleton<PoisonService>();
        services.AddSingleton<ReceiptService>();
        services.AddSingleton<KakaoResultService>();
        services.AddMetrics();
        services.AddSingleton<OperationalGauges>();
        services.AddSingleton<NotifyMetrics>();
        services.AddSingleton<DeliveryTelemetry>();
        services.AddNotifyChannels(configuration);
        return services;
    }
}
