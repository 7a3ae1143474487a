using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Notify.Delivery;
using Notify.Orders;
using Notify.Storage;
using Notify.Common;

namespace Notify.Benchmark.Load;

/// <summary>
/// Reads, after the fact, when things happened: the sandbox's record of each SMS (createdAt, to the millisecond), and
/// each order row's last change (Timestamp, set by storage when the delivery was confirmed). maildev only proves that a
/// mail arrived: its <c>time</c> is the mail's Date header, whole seconds, too coarse to time. Nothing is polled while
/// load runs, so watching does not slow the system down.
/// </summary>
public sealed class Observers(HttpClient sandbox, HttpClient mailbox, string storageConnection)
{
    private readonly TableClient _data = new TableServiceClient(storageConnection).GetTableClient(StorageNames.MerchantDataTable);
    private readonly QueueServiceClient _queues = new(storageConnection);

    /// <summary>SMS accepted by the sandbox: recipient → when.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> SmsAsync()
    {
        var all = await sandbox.GetFromJsonAsync<JsonArray>("/sandbox/messages");
        var byTo = new Dictionary<string, DateTimeOffset>();
        foreach (var m in all!.Select(n => n!.AsObject()))
        {
            var to = m["to"]!.GetValue<string>();
            var at = m["createdAt"]!.GetValue<DateTimeOffset>();
            if (!byTo.TryGetValue(to, out var first) || at < first)
            {
                byTo[to] = at;
            }
        }
        return byTo;
    }

    /// <summary>Mail received by maildev: recipient → the mail's Date header (whole seconds).</summary>
    public async Task<Dictionary<string, DateTimeOffset>> MailAsync()
    {
        var all = await mailbox.GetFromJsonAsync<JsonArray>("/email");
        var byTo = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in all!.Select(n => n!.AsObject()))
        {
            var at = m["time"]!.GetValue<DateTimeOffset>();
            foreach (var to in m["to"]!.AsArray().Select(t => t!["address"]!.GetValue<string>()))
            {
                byTo.TryAdd(to, at);
            }
        }
        return byTo;
    }

    /// <summary>
    /// Confirmed orders of a merchant (by <paramref name="channel"/> when given): order number → when the row last
    /// changed, which is the confirmation. For e-mail that is the write right after the SMTP server accepted the mail.
    /// </summary>
    public async Task<Dictionary<string, DateTimeOffset>> ConfirmedAsync(string merchantId, string? channel = null)
    {
        var confirmed = new Dictionary<string, DateTimeOffset>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {RowKeys.OrderPrefix} and RowKey lt {RowKeys.After(RowKeys.OrderPrefix)} and ConfirmationStatus eq {ConfirmationStatus.Confirmed.Stored()}");
        await foreach (var row in _data.QueryAsync<TableEntity>(filter, select: ["OrderNumber", "ConfirmedBy", "Timestamp"]))
        {
            if (channel is null || row.GetString("ConfirmedBy") == channel)
            {
                confirmed[row.GetString("OrderNumber")] = row.Timestamp!.Value;
            }
        }
        return confirmed;
    }

    /// <summary>A merchant's order rows: order number → row (its delivery's attempts and last change).</summary>
    public async Task<Dictionary<string, OrderEntity>> OrdersAsync(string merchantId)
    {
        var orders = new Dictionary<string, OrderEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {RowKeys.OrderPrefix} and RowKey lt {RowKeys.After(RowKeys.OrderPrefix)}");
        await foreach (var row in _data.QueryAsync<OrderEntity>(filter))
        {
            orders[row.OrderNumber] = row;
        }
        return orders;
    }

    /// <summary>Waits (up to <paramref name="limit"/>) until every queue Notify reads is empty; false if it never was.</summary>
    public async Task<bool> DrainAsync(TimeSpan limit)
    {
        string[] names = [StorageNames.FanOutQueue, DeliveryQueues.Sms, DeliveryQueues.Email, DeliveryQueues.Webhook];
        var until = DateTime.UtcNow + limit;
        var emptyInARow = 0;
        while (DateTime.UtcNow < until)
        {
            var counts = await Task.WhenAll(names.Select(async n => (await _queues.GetQueueClient(n).GetPropertiesAsync()).Value.ApproximateMessagesCount));
            emptyInARow = counts.All(c => c == 0) ? emptyInARow + 1 : 0;
            if (emptyInARow >= 3)
            {
                return true;
            }
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>Polls <paramref name="read"/> until it holds <paramref name="expected"/> entries or <paramref name="limit"/> passes.</summary>
    public static async Task<Dictionary<string, DateTimeOffset>> AwaitAsync(
        Func<Task<Dictionary<string, DateTimeOffset>>> read, ICollection<string> expected, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            var seen = await read();
            if (expected.All(seen.ContainsKey) || DateTime.UtcNow > until)
            {
                return seen;
            }
            await Task.Delay(500);
        }
    }
}
