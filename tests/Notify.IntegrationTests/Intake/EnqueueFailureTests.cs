using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Notify.Common;
using Notify.Intake;
using Notify.IntegrationTests.Support;
using Notify.Orders;
using Notify.Storage;

namespace Notify.IntegrationTests.Intake;

/// <summary>An order stored but not enqueued is still accepted, and marked for the sweep.</summary>
[Collection(AppCollection.Name)]
public sealed class EnqueueFailureTests(NotifyApp app)
{
    [Fact]
    public async Task Order_whose_enqueue_fails_is_accepted_marked_and_left_to_the_sweep()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        // The app's own tables, but a queue service nothing listens on (port 9, discard). One quick retry, as the SDK
        // retries by default: exhausted retries surface as an AggregateException, not a RequestFailedException.
        var deadQueues = new QueueServiceClient(new Uri("http://127.0.0.1:9/devstoreaccount1"),
            new QueueClientOptions { Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(1) }, MessageEncoding = StorageNames.QueueEncoding });
        var storage = new StorageClients(app.Storage.Tables, deadQueues);
        var intake = ActivatorUtilities.CreateInstance<IntakeService>(app.Services, new MerchantData(storage), new QueueSender(storage));
        var body = Encoding.UTF8.GetBytes(MerchantClient.SampleOrder().ToJsonString());
        var now = app.Clock.GetUtcNow();
        var signature = Notify.Signing.StandardWebhook.Sign(merchant.WebhookSecret, "msg_noqueue", now.ToUnixTimeSeconds(), body);

        var result = await intake.AcceptAsync(
            new SignedOrder(merchant.Id, "msg_noqueue", now.ToUnixTimeSeconds().ToString(), signature, "application/json", new MemoryStream(body)),
            CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.True(result.Value!.IsNew);
        var order = Assert.Single(await app.MerchantRowsAsync(merchant.Id), r => r.RowKey.StartsWith("order|", StringComparison.Ordinal));
        Assert.Equal(FanOutStatus.EnqueueFailed.Stored(), order.GetString(nameof(OrderEntity.FanOut)));
        // Planned by intake in the same transaction: its first send waits on its queue, under its pickup deadline.
        Assert.Equal("sms,email", order.GetString(nameof(OrderEntity.Chain)));
        Assert.Contains("\"status\":\"queued\"", order.GetString(nameof(OrderEntity.AttemptsJson)), StringComparison.Ordinal);
        var deadline = Assert.Single(await app.DeadlinesAsync(merchant.Id));
        Assert.Equal(Notify.Deadlines.DeadlineKeys.Attempt(1), deadline.GetString("Kind"));
    }
}
