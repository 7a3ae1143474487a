using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace Notify.IntegrationTests.Support;

/// <summary>The app as deployed: webhooks only to public https addresses; every storage request it sends is counted.</summary>
public sealed class StrictApp : NotifyApp
{
    /// <summary>Storage requests by table or queue name.</summary>
    public StorageRequests Requests { get; } = new();

    /// <inheritdoc />
    protected override IEnumerable<string> Settings => ["--Notify:AllowPrivateWebhooks=false"];

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddAzureClients(clients => clients.ConfigureDefaults(o => o.AddPolicy(Requests, HttpPipelinePosition.PerRetry)));
}

/// <summary>Counts the storage requests the app sends, per table or queue (the first segment after the account).</summary>
public sealed class StorageRequests : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Requests to <paramref name="resource"/> so far (<c>Merchants</c>, <c>MerchantData</c>).</summary>
    public int To(string resource) => _counts.GetValueOrDefault(resource);

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        // Azurite paths are /devstoreaccount1/{table}(PartitionKey=…) or /devstoreaccount1/{queue}/messages.
        var segments = message.Request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1].Split('(')[0] : "";
        _counts.AddOrUpdate(resource, 1, (_, n) => n + 1);
    }
}

/// <summary>Tests that share one strict app.</summary>
[CollectionDefinition(Name)]
public sealed class StrictCollection : ICollectionFixture<StrictApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "strict";
}
