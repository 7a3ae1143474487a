using Azure.Storage.Queues;
using Notify.Common;
using Notify.Storage;

namespace Notify.IntegrationTests.Support;

/// <summary>Writes to the app's queues as a producer (or a redelivery) would, in the encoding the triggers read.</summary>
public static class Queues
{
    /// <summary>Puts <paramref name="message"/> on <paramref name="queue"/>.</summary>
    public static async Task SendAsync<T>(NotifyApp app, string queue, T message)
    {
        var client = Client(app, queue);
        await client.CreateIfNotExistsAsync();
        await client.SendMessageAsync(Json.Serialize(message));
    }

    /// <summary>Waits until <paramref name="queue"/> holds no message, visible or in flight.</summary>
    public static Task DrainedAsync(NotifyApp app, string queue) =>
        Eventually.MatchAsync(
            async () => (await Client(app, queue).GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == 0,
            what: $"{queue} to drain");

    private static QueueClient Client(NotifyApp app, string queue) =>
        new(app.StorageConnection, queue, new QueueClientOptions { MessageEncoding = StorageNames.QueueEncoding });
}
