using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notify.Storage;

namespace Notify.Core.Tests.Storage;

/// <summary>The app reads the same storage setting as the Functions host: a connection string or an identity.</summary>
public sealed class StorageClientsTests
{
    [Fact]
    public void Identity_based_settings_reach_the_service_uris_without_a_key()
    {
        var clients = Build(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://notifyst.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://notifyst.queue.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal(new Uri("https://notifyst.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://notifyst.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal("notifyst", clients.Queues.AccountName);
    }

    [Fact]
    public void Development_storage_connection_string_reaches_azurite()
    {
        var clients = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal(10002, clients.Tables.Uri.Port);
        Assert.Equal(10001, clients.Queues.Uri.Port);
    }

    [Fact]
    public void Account_name_alone_means_the_public_endpoints()
    {
        var clients = Build(new() { ["AzureWebJobsStorage:accountName"] = "notifyst", ["AzureWebJobsStorage:credential"] = "managedidentity" });

        Assert.Equal(new Uri("https://notifyst.table.core.windows.net/"), clients.Tables.Uri);
    }

    [Fact]
    public void No_storage_setting_says_which_settings_to_give()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build([]));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message);
    }

    private static StorageClients Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddAzureClientsCore();
        using var services = collection.BuildServiceProvider();
        return StorageClients.FromConfiguration(configuration, services.GetRequiredService<AzureComponentFactory>());
    }
}
