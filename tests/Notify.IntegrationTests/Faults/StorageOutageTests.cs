using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Notify.IntegrationTests.Faults;

/// <summary>
/// Storage stops answering in the middle of a load: callers get 503 with Retry-After (never a 500), every order answered
/// 2xx is kept, a retried webhook-id gets its first answer, and no customer hears twice.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class StorageOutageTests(OutageApp app, ITestOutputHelper output)
{
    private const int Orders = 48;
    private const int Clients = 4;

    [Fact]
    public async Task Orders_posted_through_a_storage_outage_are_answered_503_then_stored_once_and_never_mailed_twice()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var orders = Enumerable.Range(0, Orders).Select(i => (WebhookId: $"msg_outage_{i}_{Guid.NewGuid():N}", Email: OrderSteps.NewEmail(), Number: $"OUT-{i}")).ToList();
        var answers = new ConcurrentDictionary<string, ConcurrentBag<(int Status, string? OrderId)>>();
        var unavailable = 0;
        var answered = 0;
        var enoughAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enoughRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = -1;

        async Task ClientAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders.Count)
            {
                var (id, email, number) = orders[i];
                var body = OrderSteps.ForCustomer(null, email, number).ToJsonString();
                while (true)
                {
                    using var response = await merchant.PostRawAsync(body, webhookId: id);
                    var status = (int)response.StatusCode;
                    var json = await response.Content.ReadAsStringAsync();
                    answers.GetOrAdd(id, _ => []).Add((status, status < 300 ? JsonNode.Parse(json)!["orderId"]!.GetValue<string>() : null));
                    if (status == 503)
                    {
                        Assert.NotNull(response.Headers.RetryAfter?.Delta);
                        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                        if (Interlocked.Increment(ref unavailable) == Clients)
                        {
                            enoughRefused.TrySetResult();
                        }
                        continue;
                    }
                    Assert.True(status is 200 or 202, $"{status}: {json}");
                    if (Interlocked.Increment(ref answered) == Orders / 4)
                    {
                        enoughAnswered.TrySetResult();
                    }
                    break;
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)).ToList();
        await enoughAnswered.Task.WaitAsync(TimeSpan.FromSeconds(120));
        app.PauseStorage();
        var paused = Stopwatch.StartNew();
        try
        {
            await enoughRefused.Task.WaitAsync(TimeSpan.FromSeconds(180));
            output.WriteLine($"{Clients} answers of 503 within {paused.Elapsed.TotalSeconds:0.0} s of the pause");
            using var read = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders");
            await ProblemAssert.IsProblemAsync(read, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(read.Headers.RetryAfter);
        }
        finally
        {
            app.ResumeStorage();
        }
        output.WriteLine($"storage paused for {paused.Elapsed.TotalSeconds:0.0} s");
        // Bounds for a loaded machine, not speed goals.
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(240));

        // Every webhook-id has one order, and asking again gets that same answer.
        var orderIds = new Dictionary<string, string>();
        foreach (var (id, _, number) in orders)
        {
            var given = answers[id].Where(a => a.OrderId is not null).Select(a => a.OrderId!).Distinct().ToList();
            orderIds[id] = Assert.Single(given);
            using var replay = await merchant.PostRawAsync(OrderSteps.ForCustomer(null, orders.First(o => o.WebhookId == id).Email, number).ToJsonString(), webhookId: id);
            Assert.Equal(orderIds[id], (await replay.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>());
        }
        Assert.Equal(Orders, orderIds.Values.Distinct().Count());
        output.WriteLine($"{answers.Values.Sum(a => a.Count(x => x.Status == 503))} answers of 503 in all, none of 500");

        // Stored once each, and every delivery settles with at most one mail per customer. A send that storage cut off
        // after the claim cannot be recorded: the sweep settles it when its pickup deadline passes (the mail went or not,
        // Notify cannot tell, so it never sends a second one).
        var rows = await app.MerchantRowsAsync(merchant.Id);
        Assert.Equal(Orders, rows.Count(r => r.RowKey.StartsWith("order|", StringComparison.Ordinal)));
        var settled = new Dictionary<string, int>();
        foreach (var (id, email, _) in orders)
        {
            var order = await Eventually.MatchAsync(
                () => merchant.ReadAsync(orderIds[id]),
                o => o["confirmation"]!["status"]!.GetValue<string>() is "confirmed" or "exhausted",
                TimeSpan.FromSeconds(180),
                $"order {orderIds[id]} to settle");
            var status = order["confirmation"]!["status"]!.GetValue<string>();
            settled[status] = settled.GetValueOrDefault(status) + 1;
            var mails = (await app.Mailbox.MailsToAsync(email)).Count;
            Assert.True(status == "confirmed" ? mails == 1 : mails <= 1, $"{status} order {orderIds[id]}: {mails} mails");
        }
        output.WriteLine(string.Join(", ", settled.Select(s => $"{s.Value} {s.Key}")));
        Assert.True(settled.GetValueOrDefault("confirmed") >= Orders / 2, string.Join(", ", settled));
    }
}
