using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notify.Common;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.IntegrationTests.Support;
using Notify.Orders;
using Notify.Storage;
using Notify.Sweep;

namespace Notify.IntegrationTests.Sweep;

/// <summary>A sweep costs what is due, never what exists.</summary>
[Collection(SweepCostCollection.Name)]
public sealed class SweepCostTests(SweepApp app)
{
    [Fact]
    public async Task Sweep_reads_the_same_ten_rows_among_10_or_10000_settled_and_waiting_deliveries()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        var (sweep, reads) = CountedSweep();

        await AddSettledAndWaitingAsync(merchant.Id, 10);
        var few = await StallAndSweepTenAsync(merchant, sweep, reads);
        var fewQueries = reads.Queries;
        var fewRequests = reads.Requests;
        await AddSettledAndWaitingAsync(merchant.Id, 9_990);
        // Ten silent SMS took the channel down; start the second round from a healthy one again.
        await app.FreshStartAsync();
        var many = await StallAndSweepTenAsync(merchant, sweep, reads);

        Assert.Equal(10, few.Read);
        Assert.Equal(10, many.Read);
        Assert.Equal(10, few.Rerouted);
        Assert.Equal(10, many.Rerouted);
        // What crossed the wire: one query page holding the ten due rows, then a claim and a removal for each, among
        // 10 or 10,000 deliveries that each wait on a deadline a day away in the same table. The ten took SMS down, so
        // the sweep then looks for receipt waits on SMS in the minutes ahead: one page, none of the day-away rows.
        foreach (var queries in new[] { fewQueries, reads.Queries })
        {
            Assert.Equal([10, 0], queries.Select(q => q.Rows));
            Assert.StartsWith("PartitionKey ge '", queries[1].Filter, StringComparison.Ordinal);
        }
        Assert.Equal(22, fewRequests.Count);
        Assert.Equal(22, reads.Requests.Count);
        // Azurite answers a filtered query from memory; real storage reads every partition the filter leaves open, so
        // each query must stop at the partitions of the minutes it needs.
        Assert.All(fewQueries.Concat(reads.Queries), q => Assert.Contains("PartitionKey lt '", q.Filter, StringComparison.Ordinal));
    }

    // The app's sweep, but reading its deadlines through a table client that records every request and row.
    private (StallSweep Sweep, TableReads Reads) CountedSweep()
    {
        var reads = new TableReads();
        var options = new TableClientOptions();
        options.AddPolicy(reads, HttpPipelinePosition.PerRetry);
        var storage = new StorageClients(new TableServiceClient(app.StorageConnection, options), app.Storage.Queues);
        return (ActivatorUtilities.CreateInstance<StallSweep>(app.Services, new DeadlineIndex(storage)), reads);
    }

    // Ten real deliveries whose SMS is accepted and never delivered, swept once their deadline passes.
    private async Task<SweepReport> StallAndSweepTenAsync(MerchantClient merchant, StallSweep sweep, TableReads reads)
    {
        var orders = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var phone = OrderSteps.NewPhone();
            await app.Sandbox.SetModeAsync("silent", phone);
            orders.Add(await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, OrderSteps.NewEmail())));
        }
        foreach (var orderId in orders)
        {
            await merchant.ConfirmationAsync(orderId, "sent");
        }
        app.Advance(SweepApp.SmsReceiptTimeout + TimeSpan.FromSeconds(1));
        // `sent` is saved before the pickup deadline it replaces is cleared: wait until only the ten receipt deadlines are due.
        var now = app.Clock.GetUtcNow();
        await Eventually.MatchAsync(() => DueCountAsync(now), n => n == 10, what: "exactly the ten receipt deadlines to be due");
        reads.Clear();
        var report = await sweep.RunAsync(CancellationToken.None);
        foreach (var orderId in orders)
        {
            await merchant.ConfirmationAsync(orderId, "confirmed");
        }
        return report;
    }

    private async Task<int> DueCountAsync(DateTimeOffset now)
    {
        var count = 0;
        await foreach (var _ in app.Storage.Table(StorageNames.DeadlinesTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"DueAt le {now}")))
        {
            count++;
        }
        return count;
    }

    // Settled deliveries (no deadline left) and deliveries waiting on a deadline a day away.
    private async Task AddSettledAndWaitingAsync(string merchantId, int count)
    {
        var now = app.Clock.GetUtcNow();
        var orders = Enumerable.Range(0, count).Select(i => new OrderEntity
        {
            PartitionKey = merchantId, RowKey = RowKeys.Order(Ids.NewTimeOrdered(now.AddMilliseconds(-i))),
            OrderNumber = $"S-{Guid.NewGuid():N}", PlacedAt = now, AcceptedAt = now, CustomerName = "김민지",
            CustomerPhone = "+821012345678", Currency = "KRW", Total = "1000", ItemsJson = "[{\"name\":\"떡\",\"quantity\":1,\"unitPrice\":1000}]",
            FanOut = FanOutStatus.Planned.Stored(), ConfirmationStatus = ConfirmationStatus.Confirmed.Stored(), Chain = "sms", ConfirmedBy = "sms",
        }).ToList();
        var data = app.Storage.Table(StorageNames.MerchantDataTable);
        foreach (var chunk in orders.Chunk(100))
        {
            await data.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, o)));
        }

        var dueAt = now + TimeSpan.FromDays(1);
        var waiting = orders.Select(o => new DeadlineEntity
        {
            PartitionKey = DeadlineIndex.PartitionFor(dueAt, o.RowKey), RowKey = $"{DeadlineKeys.Attempt(1)}|{merchantId}|{o.RowKey}",
            Kind = DeadlineKeys.Attempt(1), MerchantId = merchantId, OrderId = o.RowKey, DueAt = dueAt,
        });
        var deadlines = app.Storage.Table(StorageNames.DeadlinesTable);
        foreach (var partition in waiting.GroupBy(d => d.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await deadlines.SubmitTransactionAsync(chunk.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, d)));
            }
        }
    }
}
