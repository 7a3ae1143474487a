using Azure;
using Azure.Storage.Queues;
using Notify.IntegrationTests.Support;
using Notify.Storage;

namespace Notify.IntegrationTests.Delivery;

/// <summary>The real route into a poison queue: the queue listener's maxDequeueCount (host.json), not a test's enqueue.</summary>
[Collection(AppCollection.Name)]
public sealed class PoisonRouteTests(NotifyApp app)
{
    [Fact]
    public async Task Send_message_whose_every_run_fails_is_moved_to_the_poison_queue_by_the_listener()
    {
        var queue = DeliveryQueues.Kakao;
        var poison = queue + DeliveryQueues.PoisonSuffix;
        var before = await CountAsync(poison) + await CountAsync(poison + DeliveryQueues.PoisonSuffix);

        // No merchant and no order: every run of the send handler throws, so the listener gives up after
        // maxDequeueCount (5) runs and moves it to the poison queue (whose handler fails alike and moves it on again).
        await Queues.SendAsync(app, queue, new { });

        await Eventually.MatchAsync(async () => await CountAsync(poison) + await CountAsync(poison + DeliveryQueues.PoisonSuffix),
            count => count > before, TimeSpan.FromMinutes(3), "the failing message to reach the poison queue");
        await Queues.DrainedAsync(app, queue);
    }

    // Messages in a queue, visible or in flight; a queue never created holds none.
    private async Task<int> CountAsync(string name)
    {
        try
        {
            return (await new QueueClient(app.StorageConnection, name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
