using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Notify.LocalParts;

namespace Notify.Core.Tests.Support;

/// <summary>The application's services over a private Azurite and a fake clock, for services that only talk to storage.</summary>
public sealed class StorageServices : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The clock every service reads.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The services, as <c>AddNotify</c> registers them.</summary>
    public ServiceProvider Services { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Notify:SecretKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        // After AddNotify, whose own TimeProvider registration this one replaces.
        Services = new ServiceCollection().AddLogging().AddNotify(configuration).AddSingleton<TimeProvider>(Clock).BuildServiceProvider();
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
