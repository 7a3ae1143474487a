using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Channels;

namespace Notify.Core.Tests.Channels.Support;

/// <summary>The channels as the application registers them, over settings given as configuration keys.</summary>
internal static class ChannelServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        // The tests' receivers listen on loopback; a test of the address guard sets this false.
        settings.TryAdd("Notify:AllowPrivateWebhooks", "true");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        return services.AddNotifyChannels(configuration).BuildServiceProvider();
    }

    public static IChannel Channel(this IServiceProvider services, string name) =>
        services.GetRequiredService<ChannelRegistry>()[name];
}
