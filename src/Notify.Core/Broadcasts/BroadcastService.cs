using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Common;
using Notify.Configuration;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.FanOut;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Broadcasts;

/// <summary>
/// Accepts a broadcast: one recipient row per customer, each then planned and sent through the same fan-out, pipeline,
/// health and sweep as an order's confirmation. Safe to run again with the same key: nothing is sent twice.
/// </summary>
public sealed class BroadcastService(
    MerchantAuth auth, MerchantData data, BroadcastAudiences audiences, ChannelRegistry channels, DeadlineIndex deadlines,
    QueueSender queues, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>The most customers one broadcast reaches.</summary>
    public const int MaxRecipients = 10_000;

    /// <summary>202's body: the broadcast and its recipients; the first answer again for a repeated key.</summary>
    public async Task<Result<BroadcastAccepted>> PostAsync(string merchantId, string? authorization, string? idempotencyKey, NewBroadcast body, CancellationToken ct)
    {
        var authenticated = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (authenticated.Problem is { } denied)
        {
            return denied;
        }
        var merchant = authenticated.Value!;
        var checkedRequest = BroadcastRequest.Validate(merchant, idempotencyKey, body);
        if (checkedRequest.Problem is { } invalid)
        {
            return invalid;
        }
        var request = checkedRequest.Value!;
        var keyRow = RowKeys.BroadcastKey(idempotencyKey!);
        if (await data.FindAsync<BroadcastEntity>(merchantId, keyRow, ct) is { } earlier)
        {
            return await AgainAsync(merchant, earlier, request, ct);
        }
        var now = clock.GetUtcNow();
        var recipients = await audiences.ReadAsync(merchantId, request, now, ct);
        if (recipients.Count == 0)
        {
            return Problem.Validation(new Dictionary<string, string[]> { ["audience"] = ["No customer has an order in this window and these statuses."] });
        }
        if (recipients.Count > MaxRecipients)
        {
            return Problem.Validation(new Dictionary<string, string[]> { ["audience"] = [$"{recipients.Count} customers; one broadcast reaches at most {MaxRecipients}."] });
        }
        var broadcast = new BroadcastEntity
        {
            PartitionKey = merchantId, BroadcastId = NewId(now), RequestHash = request.Hash, Message = request.Message, Recipients = recipients.Count,
            Urgent = request.Urgent, CreatedAt = now,
            ReleaseAt = request.Urgent ? now : QuietHours.ReleaseAt(now, merchant.TimeZone, options.Value.QuietHoursStart, options.Value.QuietHoursEnd),
        };
        try
        {
            // The broadcast and its key in one transaction: a concurrent request with the same key makes no second one.
            await data.Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Copy(broadcast, RowKeys.Broadcast(broadcast.BroadcastId))),
                new TableTransactionAction(TableTransactionActionType.Add, Copy(broadcast, keyRow)),
            ], ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return await data.FindAsync<BroadcastEntity>(merchantId, keyRow, ct) is { } winner
                ? await AgainAsync(merchant, winner, request, ct)
                : Problem.Conflict("Another request with this Idempotency-Key is being handled; send it again.");
        }
        await PrepareAsync(merchant, broadcast, keyRow, recipients, ct);
        return new BroadcastAccepted(broadcast.BroadcastId, broadcast.Recipients);
    }

    private async Task<Result<BroadcastAccepted>> AgainAsync(Merchant merchant, BroadcastEntity earlier, BroadcastRequest request, CancellationToken ct)
    {
        if (earlier.RequestHash != request.Hash)
        {
            return Problem.Conflict("This Idempotency-Key was used for a different broadcast.");
        }
        // The key row only names the broadcast: its state (prepared, cancelled) is the broadcast row's.
        var current = await data.FindAsync<BroadcastEntity>(merchant.Id, RowKeys.Broadcast(earlier.BroadcastId), ct) ?? earlier;
        if (!current.Prepared && !current.Cancelled)
        {
            // The first request stopped half-way: finish it for the same customers (the audience as it was then).
            var recipients = await audiences.ReadAsync(merchant.Id, request, earlier.CreatedAt, ct);
            await PrepareAsync(merchant, earlier, earlier.RowKey, recipients.Take(earlier.Recipients).ToList(), ct);
        }
        return new BroadcastAccepted(earlier.BroadcastId, earlier.Recipients);
    }

    // Recipient rows, each with a fan-out deadline at its paced slot (after quiet hours); a fan-out message now for
    // those not held by quiet hours. Every step is idempotent.
    private async Task PrepareAsync(Merchant merchant, BroadcastEntity broadcast, string keyRow, List<Customer> recipients, CancellationToken ct)
    {
        var pacing = new BroadcastPacing(options.Value);
        var rows = recipients.Select((customer, i) =>
        {
            var first = merchant.Channels.FirstOrDefault(c => c != ChannelNames.Kakao && channels.TryGet(c, out var ch) && ch.CanReach(merchant, customer)) ?? ChannelNames.Email;
            var slot = pacing.Next(first);
            var id = DeliveryIds.Recipient(broadcast.BroadcastId, i);
            return new RecipientEntity
            {
                PartitionKey = merchant.Id, RowKey = DeliveryIds.RowKey(id), OrderId = id, AcceptedAt = broadcast.CreatedAt,
                CustomerName = customer.Name, CustomerPhone = customer.Phone, CustomerEmail = customer.Email, CustomerLocale = customer.Locale,
                FanOutDueAt = DueTime.After(broadcast.ReleaseAt + slot, broadcast.ReleaseAt > broadcast.CreatedAt ? TimeSpan.Zero : options.Value.FanOutTimeout),
            };
        }).ToList();
        var held = broadcast.ReleaseAt > broadcast.CreatedAt;
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (chunk, token) =>
        {
            await AddAllAsync(chunk, token);
            foreach (var row in chunk)
            {
                await deadlines.ScheduleAsync(DeadlineKeys.FanOut, merchant.Id, row.OrderId, row.FanOutDueAt, token);
                if (!held)
                {
                    var delay = row.FanOutDueAt - options.Value.FanOutTimeout - broadcast.CreatedAt;
                    await queues.SendAsync(StorageNames.FanOutQueue, new FanOutMessage(merchant.Id, row.OrderId), token, delay > TimeSpan.Zero ? delay : null);
                }
            }
        });
        foreach (var rowKey in new[] { RowKeys.Broadcast(broadcast.BroadcastId), keyRow })
        {
            await data.Table.UpdateEntityAsync(new TableEntity(merchant.Id, rowKey) { [nameof(BroadcastEntity.Prepared)] = true }, ETag.All, TableUpdateMode.Merge, ct);
        }
    }

    // Rows already there (a repeated request) keep their state: a recipient is added once.
    private async Task AddAllAsync(RecipientEntity[] chunk, CancellationToken ct)
    {
        try
        {
            await data.Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            foreach (var row in chunk)
            {
                try
                {
                    await data.Table.AddEntityAsync(row, ct);
                }
                catch (RequestFailedException one) when (one.Status == 409)
                {
                }
            }
        }
    }

    // A time-ordered id of 24 hex digits with 'b' where an order id has its version digit (see DeliveryIds).
    private static string NewId(DateTimeOffset now)
    {
        var guid = Ids.NewTimeOrdered(now);
        return guid[..12] + "b" + guid[13..24];
    }

    private static BroadcastEntity Copy(BroadcastEntity b, string rowKey) => new()
    {
        PartitionKey = b.PartitionKey, RowKey = rowKey, BroadcastId = b.BroadcastId, RequestHash = b.RequestHash, Message = b.Message,
        Recipients = b.Recipients, Urgent = b.Urgent, CreatedAt = b.CreatedAt, ReleaseAt = b.ReleaseAt,
    };
}
