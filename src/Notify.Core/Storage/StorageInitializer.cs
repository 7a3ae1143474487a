using Microsoft.Extensions.Hosting;

namespace Notify.Storage;

/// <summary>Creates every table and queue once at start-up, so no request pays for it.</summary>
public sealed class StorageInitializer(StorageClients storage) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(StorageNames.Tables.Select(t => storage.Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(StorageNames.Queues.Select(q => storage.Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
