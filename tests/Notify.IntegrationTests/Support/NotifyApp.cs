using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Notify.SelfHost;
using Notify.Storage;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// The real app for a test collection: the self-host on a free port (Kestrel + WebJobs queue listener) over a private
/// Azurite. Tests talk HTTP to it, as merchants do.
/// </summary>
public sealed class NotifyApp : IAsyncLifetime
{
    /// <summary>The operator key the app is started with.</summary>
    public const string AdminKey = "test-admin-key";

    private Azurite? _azurite;
    private WebApplication? _app;

    /// <summary>An HTTP client pointed at the app.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The app's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The storage clients the app uses, for looking behind the API.</summary>
    public StorageClients Storage => _app!.Services.GetRequiredService<StorageClients>();

    /// <summary>The Azurite connection string.</summary>
    public string StorageConnection => _azurite!.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _app = NotifySelfHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--AzureWebJobsStorage={_azurite.ConnectionString}",
            $"--Notify:AdminKey={AdminKey}",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Every entity in the merchant's partition of MerchantData.</summary>
    public async Task<List<TableEntity>> MerchantRowsAsync(string merchantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Storage.Table(StorageNames.MerchantDataTable).QueryAsync<TableEntity>(e => e.PartitionKey == merchantId))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Deadlines recorded for the merchant.</summary>
    public async Task<List<TableEntity>> DeadlinesAsync(string merchantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Storage.Table(StorageNames.DeadlinesTable).QueryAsync<TableEntity>(e => e.GetString("MerchantId") == merchantId))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>Tests that share one running app.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<NotifyApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "app";
}
