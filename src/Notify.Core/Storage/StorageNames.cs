using Azure.Storage.Queues;

namespace Notify.Storage;

/// <summary>Every table and queue Notify uses; created at start-up by <see cref="StorageInitializer"/>.</summary>
public static class StorageNames
{
    /// <summary>Merchant profiles: PartitionKey = merchant id.</summary>
    public const string MerchantsTable = "Merchants";

    /// <summary>One merchant's orders, customers and idempotency records: PartitionKey = merchant id.</summary>
    public const string MerchantDataTable = "MerchantData";

    /// <summary>The time index of deadlines the sweep reads: PartitionKey = due minute and shard.</summary>
    public const string DeadlinesTable = "Deadlines";

    /// <summary>Each shared channel's health, one row per channel.</summary>
    public const string ChannelHealthTable = "ChannelHealth";

    /// <summary>The outage ledger: insert-only records, PartitionKey = channel.</summary>
    public const string OutagesTable = "Outages";

    /// <summary>Live merchant console sessions: PartitionKey = merchant id, RowKey = session id.</summary>
    public const string ConsoleSessionsTable = "ConsoleSessions";

    /// <summary>Accepted orders waiting to be planned into deliveries.</summary>
    public const string FanOutQueue = "notify-fanout";

    /// <summary>
    /// The encoding of every queue message; host.json's <c>extensions.queues.messageEncoding</c> must say the same,
    /// or the trigger side cannot read what the producer wrote (a test checks it).
    /// </summary>
    public const QueueMessageEncoding QueueEncoding = QueueMessageEncoding.Base64;

    /// <summary>All tables.</summary>
    public static readonly string[] Tables = [MerchantsTable, MerchantDataTable, DeadlinesTable, ChannelHealthTable, OutagesTable, ConsoleSessionsTable];

    /// <summary>All queues and their poison twins, created up front so the listeners never poll a missing queue.</summary>
    public static readonly string[] Queues =
        [.. new[] { FanOutQueue }.Concat(DeliveryQueues.All).SelectMany(q => new[] { q, q + DeliveryQueues.PoisonSuffix })];
}
