using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notify.IntegrationTests.Support;
using Notify.SelfHost.Timers;

namespace Notify.IntegrationTests.SelfHost;

/// <summary>The self-host runs every timer function the Functions host would: the stall sweep and the retention sweep.</summary>
[Collection(AppCollection.Name)]
public sealed class HostedTimersTests(NotifyApp app)
{
    [Fact]
    public void The_stall_sweep_and_the_retention_sweep_each_have_a_timer()
    {
        Assert.Equal(2, app.Services.GetServices<IHostedService>().OfType<SweepTimer>().Count());
    }
}
