using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Channels;

namespace Notify.Core.Tests.Channels;

public sealed class ChannelRegistrationTests
{
    [Fact]
    public void Notify_registers_every_channel_by_its_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        }).Build();
        using var services = new ServiceCollection().AddNotify(configuration).BuildServiceProvider();

        var registry = services.GetRequiredService<ChannelRegistry>();

        Assert.Equal(ChannelNames.All.Order(), registry.All.Select(c => c.Name).Order());
        Assert.All(ChannelNames.All, name => Assert.Equal(name, registry[name].Name));
        Assert.False(registry.TryGet("fax", out _));
    }
}
