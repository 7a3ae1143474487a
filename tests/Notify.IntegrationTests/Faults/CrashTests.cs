using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;
using Notify.Signing;
using Xunit.Abstractions;

namespace Notify.IntegrationTests.Faults;

/// <summary>
/// kill -9 of the self-host while orders arrive, then a new instance on the same storage: every order answered 2xx is
/// kept, a retry of a cut-off request gets the first answer, and no customer is mailed twice.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashTests(CrashApp app, ITestOutputHelper output)
{
    private const int Orders = 60;
    private const int Clients = 4;

    [Fact]
    public async Task Orders_posted_across_a_kill_9_are_stored_once_and_never_mailed_twice()
    {
        var (merchantId, secret, apiKey) = await CreateMerchantAsync();
        var orders = Enumerable.Range(0, Orders).Select(i => (Id: $"msg_crash_{i}_{Guid.NewGuid():N}", Email: OrderSteps.NewEmail())).ToList();
        var answers = new ConcurrentDictionary<string, string>();
        var cutOff = 0;
        var answered = 0;
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = -1;

        async Task ClientAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders.Count)
            {
                var (id, email) = orders[i];
                while (true)
                {
                    try
                    {
                        var orderId = await PostAsync(merchantId, secret, id, email, $"K-{i}");
                        Assert.True(answers.GetOrAdd(id, orderId) == orderId, $"{id} answered two order ids");
                        if (Interlocked.Increment(ref answered) == Orders / 3)
                        {
                            killNow.TrySetResult();
                        }
                        break;
                    }
                    catch (HttpRequestException)
                    {
                        // Cut off by the kill (or refused while no instance runs): retry once the new instance is up.
                        Interlocked.Increment(ref cutOff);
                        await restarted.Task;
                    }
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)).ToList();
        await killNow.Task.WaitAsync(TimeSpan.FromSeconds(60));
        app.Kill();
        await app.StartAsync();
        restarted.SetResult();
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(240));
        output.WriteLine($"{cutOff} requests cut off by the kill and retried");

        // Each webhook-id keeps its one order; asking again returns it.
        Assert.Equal(Orders, answers.Count);
        Assert.Equal(Orders, answers.Values.Distinct().Count());
        for (var i = 0; i < Orders; i++)
        {
            Assert.Equal(answers[orders[i].Id], await PostAsync(merchantId, secret, orders[i].Id, orders[i].Email, $"K-{i}"));
        }

        var settled = new Dictionary<string, int>();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        foreach (var (id, email) in orders)
        {
            var order = await Eventually.MatchAsync(
                async () => (await http.GetFromJsonAsync<JsonObject>($"/api/merchants/{merchantId}/orders/{answers[id]}"))!,
                o => o["confirmation"]!["status"]!.GetValue<string>() is "confirmed" or "exhausted",
                TimeSpan.FromSeconds(180),
                $"order {answers[id]} to settle");
            var status = order["confirmation"]!["status"]!.GetValue<string>();
            settled[status] = settled.GetValueOrDefault(status) + 1;
            var mails = (await app.Mailbox.MailsToAsync(email)).Count;
            Assert.True(status == "confirmed" ? mails == 1 : mails <= 1, $"{status} order {answers[id]}: {mails} mails");
        }
        output.WriteLine(string.Join(", ", settled.Select(s => $"{s.Value} {s.Key}")));
        Assert.True(settled.GetValueOrDefault("confirmed") >= Orders / 2, string.Join(", ", settled));
    }

    private async Task<(string Id, string Secret, string ApiKey)> CreateMerchantAsync()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = "떡집" }) };
        request.Headers.Add("x-functions-key", NotifyApp.AdminKey);
        using var response = await http.SendAsync(request);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (created["merchantId"]!.GetValue<string>(), created["webhookSecret"]!.GetValue<string>(), created["apiKey"]!.GetValue<string>());
    }

    private async Task<string> PostAsync(string merchantId, string secret, string webhookId, string email, string number)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var body = Encoding.UTF8.GetBytes(OrderSteps.ForCustomer(null, email, number).ToJsonString());
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/merchants/{merchantId}/orders") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", ts.ToString());
        request.Headers.Add("webhook-signature", StandardWebhook.Sign(secret, webhookId, ts, body));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["orderId"]!.GetValue<string>();
    }
}
