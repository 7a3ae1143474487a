using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Notify.Storage;

/// <summary>
/// Builds the storage clients from the same <c>AzureWebJobsStorage</c> setting the Functions host reads:
/// a connection string locally, or identity-based <c>__tableServiceUri</c>/<c>__queueServiceUri</c> with
/// <c>__credential</c>/<c>__clientId</c> in Azure.
/// </summary>
public sealed class StorageClients(TableServiceClient tables, QueueServiceClient queues)
{
    /// <summary>The setting (and section) name.</summary>
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>The table service.</summary>
    public TableServiceClient Tables { get; } = tables;

    /// <summary>The queue service.</summary>
    public QueueServiceClient Queues { get; } = queues;

    /// <summary>A client for one table.</summary>
    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>A client for one queue.</summary>
    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    /// <summary>
    /// Reads the storage setting from configuration. Client options come from <paramref name="components"/>, as the
    /// WebJobs queue listener's do, so Azure client defaults registered with <c>AddAzureClients(b => b.ConfigureDefaults(…))</c>
    /// (retries, diagnostics, a request-counting policy in the benchmark) reach every storage client alike.
    /// </summary>
    public static StorageClients FromConfiguration(IConfiguration configuration, AzureComponentFactory components)
    {
        var section = configuration.GetSection(ConnectionName);
        var tableOptions = (TableClientOptions)components.CreateClientOptions(typeof(TableClientOptions), null!, section);
        var queueOptions = (QueueClientOptions)components.CreateClientOptions(typeof(QueueClientOptions), null!, section);
        queueOptions.MessageEncoding = StorageNames.QueueEncoding;
        FailFast(tableOptions.Retry);
        FailFast(queueOptions.Retry);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageClients(new TableServiceClient(section.Value, tableOptions), new QueueServiceClient(section.Value, queueOptions));
        }

        var credential = components.CreateTokenCredential(section);
        return new StorageClients(
            new TableServiceClient(ServiceUri(section, "table"), credential, tableOptions),
            new QueueServiceClient(ServiceUri(section, "queue"), credential, queueOptions));
    }

    // Azure.Core waits 100 s per try and retries three times, so a storage outage would hold every request for minutes
    // and end as a gateway timeout. Storage answers in milliseconds when it is up: give up within about ten seconds and
    // let the caller retry on a 503 (each of its retries finds the first answer by webhook-id).
    private static void FailFast(RetryOptions retry)
    {
        retry.NetworkTimeout = TimeSpan.FromSeconds(3);
        retry.MaxRetries = 2;
        retry.Mode = RetryMode.Exponential;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(1);
    }

    private static Uri ServiceUri(IConfigurationSection section, string service)
    {
        if (section[$"{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }
        if (section["accountName"] is { Length: > 0 } account)
        {
            return new Uri($"https://{account}.{service}.core.windows.net");
        }
        throw new InvalidOperationException(
            $"Set {ConnectionName} to a connection string, or {ConnectionName}__{service}ServiceUri (or __accountName) for an identity-based connection.");
    }
}
