using Azure;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Broadcasts;

/// <summary>A merchant following a broadcast, and cancelling what has not been sent.</summary>
public sealed class BroadcastQueries(MerchantAuth auth, MerchantData data, DeliveryPipeline pipeline)
{
    /// <summary>The broadcast's progress; 404 for an id that is not this merchant's.</summary>
    public async Task<Result<BroadcastProgress>> GetAsync(string merchantId, string? authorization, string broadcastId, CancellationToken ct)
    {
        var found = await FindAsync(merchantId, authorization, broadcastId, ct);
        return found.Problem is { } problem ? problem : Progress(found.Value!, await RecipientsAsync(merchantId, broadcastId, ct));
    }

    /// <summary>
    /// Stops every recipient not yet handed to a provider (waiting, or queued for a send); those already sent go on.
    /// 409 once the broadcast is done or cancelled.
    /// </summary>
    public async Task<Result<BroadcastProgress>> CancelAsync(string merchantId, string? authorization, string broadcastId, CancellationToken ct)
    {
        var found = await FindAsync(merchantId, authorization, broadcastId, ct);
        if (found.Problem is { } problem)
        {
            return problem;
        }
        var broadcast = found.Value!;
        var before = Progress(broadcast, await RecipientsAsync(merchantId, broadcastId, ct));
        if (before.Status != "sending")
        {
            return Problem.Conflict($"The broadcast is {before.Status}; there is nothing left to cancel.");
        }
        await data.Table.UpdateEntityAsync(new TableEntity(merchantId, broadcast.RowKey) { [nameof(BroadcastEntity.Cancelled)] = true }, ETag.All, TableUpdateMode.Merge, ct);
        foreach (var recipient in await RecipientsAsync(merchantId, broadcastId, ct))
        {
            if (recipient.Cancelled || await pipeline.RunAsync(merchantId, recipient.OrderId, Cancel, ct) is null)
            {
                continue;
            }
            await data.Table.UpdateEntityAsync(new TableEntity(merchantId, recipient.RowKey) { [nameof(RecipientEntity.Cancelled)] = true }, ETag.All, TableUpdateMode.Merge, ct);
        }
        return Progress(broadcast, await RecipientsAsync(merchantId, broadcastId, ct), cancelled: true);
    }

    // Settles a recipient that nothing has been sent for yet; null for one already with a provider or settled.
    private static Step? Cancel(DeliveryContext context, OrderEntity row, DeliveryState state)
    {
        if (state.IsSettled)
        {
            return null;
        }
        var stopped = state with { Status = ConfirmationStatus.Cancelled };
        if (state.Chain.Count == 0)
        {
            return new Step(stopped, [new ClearDeadline(DeadlineKeys.FanOut, row.FanOutDueAt)]);
        }
        return state.Current is { Status: AttemptStatus.Queued } queued
            ? new Step(stopped.WithAttempt(queued.N, a => a.StopWaiting() with { Status = AttemptStatus.Cancelled }),
                [new ClearDeadline(DeadlineKeys.Attempt(queued.N), queued.IndexDue!.Value)])
            : null;
    }

    private async Task<Result<BroadcastEntity>> FindAsync(string merchantId, string? authorization, string broadcastId, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var notFound = Problem.NotFound($"No broadcast '{broadcastId}' for this merchant.");
        if (broadcastId.Length != 24 || broadcastId[12] != 'b' || broadcastId.AsSpan().ContainsAnyExcept("0123456789abcdef"))
        {
            return notFound;
        }
        return await data.FindAsync<BroadcastEntity>(merchantId, RowKeys.Broadcast(broadcastId), ct) is { } found ? found : notFound;
    }

    private async Task<List<RecipientEntity>> RecipientsAsync(string merchantId, string broadcastId, CancellationToken ct)
    {
        var prefix = RowKeys.Broadcast(broadcastId) + "|";
        var rows = new List<RecipientEntity>();
        await foreach (var row in data.Table.QueryAsync<RecipientEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {prefix} and RowKey lt {RowKeys.After(prefix)}"), 1000, cancellationToken: ct))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static BroadcastProgress Progress(BroadcastEntity b, List<RecipientEntity> recipients, bool cancelled = false)
    {
        var counts = new Dictionary<string, int>();
        var byChannel = new Dictionary<string, Dictionary<string, int>>();
        foreach (var recipient in recipients)
        {
            var state = recipient.ReadDelivery();
            // Cancelled by the merchant, or stopped by the customer's erasure; waiting until planned.
            var key = recipient.Cancelled || state.Status == ConfirmationStatus.Cancelled ? "cancelled" : state.Chain.Count == 0 ? "waiting" : state.Status.Stored();
            counts[key] = counts.GetValueOrDefault(key) + 1;
            foreach (var attempt in state.Attempts)
            {
                var channel = byChannel.TryGetValue(attempt.Channel, out var c) ? c : byChannel[attempt.Channel] = [];
                channel[attempt.Status.Stored()] = channel.GetValueOrDefault(attempt.Status.Stored()) + 1;
            }
        }
        var settled = recipients.Count == b.Recipients && recipients.All(r => r.ReadDelivery().IsSettled);
        var status = b.Cancelled || cancelled ? "cancelled" : settled ? "done" : "sending";
        return new BroadcastProgress(b.BroadcastId, status, b.Recipients, counts,
            byChannel.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value), b.Message, b.Urgent, b.CreatedAt, b.ReleaseAt);
    }
}
