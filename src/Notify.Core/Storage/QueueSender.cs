using Notify.Common;

namespace Notify.Storage;

/// <summary>Puts JSON messages on Notify's queues, in the encoding the triggers read.</summary>
public sealed class QueueSender(StorageClients storage)
{
    /// <summary>Enqueues <paramref name="message"/>, invisible for <paramref name="delay"/> when given.</summary>
    public Task SendAsync<T>(string queue, T message, CancellationToken ct, TimeSpan? delay = null) =>
        storage.Queue(queue).SendMessageAsync(Json.Serialize(message), visibilityTimeout: delay, cancellationToken: ct);
}
