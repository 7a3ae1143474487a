using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Common;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Intake;
using Notify.Storage;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// Deliveries put into a chosen state through the real pipeline, with no queue message behind them, so a test decides
/// what arrives next (a poisoned message, two senders) without racing the app's own listeners or provider timeouts.
/// </summary>
public static class StoredDeliveries
{
    /// <summary>Stores the order and its fan-out deadline as intake does, up to a crash just before the enqueue.</summary>
    public static async Task<string> UnplannedAsync(NotifyApp app, string merchantId, JsonObject posted)
    {
        var now = app.Clock.GetUtcNow();
        var orderId = Ids.NewTimeOrdered(now);
        await app.Services.GetRequiredService<DeadlineIndex>().ScheduleAsync(DeadlineKeys.FanOut, merchantId, orderId, now.AddMinutes(1), CancellationToken.None);
        await StoreAsync(app, merchantId, orderId, posted, now);
        return orderId;
    }

    /// <summary>Stores the order as intake does (without its fan-out deadline) and plans it over <paramref name="chain"/>: attempt 1 queued, nothing enqueued.</summary>
    public static async Task<string> QueuedAsync(NotifyApp app, string merchantId, JsonObject posted, IReadOnlyList<string> chain)
    {
        var now = app.Clock.GetUtcNow();
        var orderId = Ids.NewTimeOrdered(now);
        await StoreAsync(app, merchantId, orderId, posted, now);
        await Pipeline(app).RunAsync(merchantId, orderId,
            (context, _, state) => DeliveryMachine.Plan(state, chain, context) is { } planned ? planned with { Effects = [] } : null, CancellationToken.None);
        return orderId;
    }

    /// <summary>As <see cref="QueuedAsync"/>, then attempt 1 claimed, as by a sender that never finished.</summary>
    public static async Task<string> ClaimedAsync(NotifyApp app, string merchantId, JsonObject posted, IReadOnlyList<string> chain)
    {
        var orderId = await QueuedAsync(app, merchantId, posted, chain);
        await Pipeline(app).RunAsync(merchantId, orderId, (_, _, state) => DeliveryMachine.Claim(state, 1), CancellationToken.None);
        return orderId;
    }

    private static async Task StoreAsync(NotifyApp app, string merchantId, string orderId, JsonObject posted, DateTimeOffset now)
    {
        var order = OrderValidator.Validate(JsonSerializer.Deserialize<OrderSubmission>(posted.ToJsonString(), Json.Options)!, "KR", now).Value!;
        await app.Storage.Table(StorageNames.MerchantDataTable).SubmitTransactionAsync(
            NewOrderRows.For(merchantId, orderId, "msg_stored_" + orderId, NewOrderRows.ContentHash(order), order, now, now.AddMinutes(1)));
    }

    private static DeliveryPipeline Pipeline(NotifyApp app) => app.Services.GetRequiredService<DeliveryPipeline>();
}
