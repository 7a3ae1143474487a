using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Notify.Benchmark.Measure;
using Notify.Common;
using Notify.Delivery;
using Notify.Intake;
using Notify.Merchants;
using Notify.Orders;
using Notify.Storage;
using Notify.Sweep;
using Notify.Deadlines;

namespace Notify.Benchmark.Load;

/// <summary>
/// The raw baseline: the storage operations intake makes for one new order, done directly through Azure SDK clients
/// with nothing around them. Same order as intake: merchant read (every 5 s, as intake's cache), the first send's
/// deadline upsert, the 4-entity transaction (the same entities, built by <see cref="NewOrderRows"/>, the order
/// planned), the SMS send message.
/// The orders it writes are real, so the queue functions process them just as they process orders posted over HTTP.
/// </summary>
public sealed class RawIntake
{
    private static readonly string[] Chain = [Channels.ChannelNames.Sms, Channels.ChannelNames.Email];
    private static readonly HashSet<string> Available = [.. Chain];
    private static readonly DeliveryTimings Timings = DeliveryTimings.From(new Configuration.NotifyOptions());
    private readonly TableClient _merchants;
    private readonly TableClient _data;
    private readonly TableClient _deadlines;
    private readonly QueueClient _sms;
    private readonly string _merchantId;
    private DateTimeOffset _merchantReadAt = DateTimeOffset.MinValue;
    private readonly Order _template;

    /// <summary>Clients of its own, counted by <paramref name="counter"/>.</summary>
    public RawIntake(string connection, RequestCounter counter, string merchantId)
    {
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = StorageNames.QueueEncoding };
        queueOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(connection, tableOptions);
        _merchants = tables.GetTableClient(StorageNames.MerchantsTable);
        _data = tables.GetTableClient(StorageNames.MerchantDataTable);
        _deadlines = tables.GetTableClient(StorageNames.DeadlinesTable);
        _sms = new QueueServiceClient(connection, queueOptions).GetQueueClient(DeliveryQueues.Sms);
        _merchantId = merchantId;
        var parsed = JsonBody.Parse<OrderSubmission>(BenchOrders.Body("RAW", 0));
        _template = OrderValidator.Validate(parsed.Value!, "KR", DateTimeOffset.UtcNow).Value!;
    }

    /// <summary>Stores order <paramref name="index"/> the way intake does.</summary>
    public async Task StoreAsync(string part, int index, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var order = _template with
        {
            OrderNumber = BenchOrders.Number(part, index),
            Customer = _template.Customer with { Phone = BenchOrders.Phone(index), Email = BenchOrders.Email(part, index) },
        };
        var webhookId = "msg_" + Guid.NewGuid().ToString("N");

        // Intake keeps the merchant profile for 5 s (MerchantStore), so it reads it a handful of times per phase; so does this.
        if (now - _merchantReadAt > TimeSpan.FromSeconds(5))
        {
            var merchant = await _merchants.GetEntityIfExistsAsync<MerchantEntity>(_merchantId, MerchantEntity.Row, cancellationToken: ct);
            if (!merchant.HasValue)
            {
                throw new InvalidOperationException("The baseline's merchant is missing.");
            }
            _merchantReadAt = now;
        }
        // Intake plans the order (SMS first, up) before storing it planned; its idempotency is the transaction's inserts.
        var orderId = Ids.NewTimeOrdered(now);
        var plan = DeliveryMachine.Plan(DeliveryState.Unplanned, Chain, new DeliveryContext(now, Timings, Available))!;
        var deadline = plan.Effects.OfType<ScheduleDeadline>().Single();
        await _deadlines.UpsertEntityAsync(new DeadlineEntity
        {
            PartitionKey = DeadlineIndex.PartitionFor(deadline.DueAt, orderId),
            RowKey = $"{deadline.Kind}|{_merchantId}|{orderId}",
            Kind = deadline.Kind,
            MerchantId = _merchantId,
            OrderId = orderId,
            DueAt = deadline.DueAt,
            Channel = deadline.Channel,
        }, TableUpdateMode.Replace, ct);
        await _data.SubmitTransactionAsync(NewOrderRows.For(_merchantId, orderId, webhookId, NewOrderRows.ContentHash(order), order, now, deadline.DueAt, plan.State), ct);
        await _sms.SendMessageAsync(Json.Serialize(new SendMessage(_merchantId, orderId, 1)), ct);
    }
}
