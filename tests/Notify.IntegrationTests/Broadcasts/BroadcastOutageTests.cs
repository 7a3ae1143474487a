using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.IntegrationTests.Support;
using Notify.Sweep;

namespace Notify.IntegrationTests.Broadcasts;

/// <summary>Broadcasts on a fake clock: through a channel outage, and held by quiet hours until 08:00.</summary>
[Collection(SweepCollection.Name)]
public sealed class BroadcastOutageTests(SweepApp app)
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public async Task With_sms_down_the_broadcast_goes_by_email()
    {
        await app.FreshStartAsync();
        var merchant = await MerchantClient.CreateAsync(app);
        var from = app.Clock.GetUtcNow();
        var emails = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            emails.Add(OrderSteps.NewEmail());
            await merchant.ConfirmationAsync(await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), emails[^1])), "confirmed");
        }
        await app.Sandbox.SetModeAsync("fail", status: 503);
        try
        {
            var token = Guid.NewGuid().ToString("N")[..8];
            var (id, recipients) = await merchant.AcceptedBroadcastAsync(app.Http,
                BroadcastSteps.Body("Closed for the storm " + token, from, app.Clock.GetUtcNow().AddSeconds(1)), Guid.NewGuid().ToString());
            Assert.Equal(4, recipients);

            var done = await merchant.BroadcastStatusAsync(id, "done", TimeSpan.FromSeconds(40));
            Assert.Equal(4, BroadcastSteps.Count(done, "confirmed"));
            Assert.Equal(4, done["byChannel"]!["email"]!["delivered"]!.GetValue<int>());
            foreach (var email in emails)
            {
                var mails = await Eventually.MatchAsync(() => app.Mailbox.MailsToAsync(email),
                    m => m.Any(x => x["text"]!.GetValue<string>().Contains(token, StringComparison.Ordinal)), what: "the notice by e-mail");
                var notice = Assert.Single(mails, x => x["text"]!.GetValue<string>().Contains(token, StringComparison.Ordinal));
                Assert.Equal("[쑥떡집] 안내", notice["subject"]!.GetValue<string>());
            }
        }
        finally
        {
            await app.Sandbox.SetModeAsync("normal");
        }
    }

    [Fact]
    public async Task Quiet_hours_hold_a_broadcast_until_eight_but_not_confirmations()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var from = await TenAtNightAsync();
        var phones = Enumerable.Range(0, 3).Select(_ => OrderSteps.NewPhone()).ToList();
        foreach (var phone in phones)
        {
            // Confirmations go out at night as always.
            await merchant.ConfirmationAsync(await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null)), "confirmed");
        }
        var token = Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await merchant.AcceptedBroadcastAsync(app.Http,
            BroadcastSteps.Body("내일 휴무 " + token, from, app.Clock.GetUtcNow().AddSeconds(1), urgent: false), Guid.NewGuid().ToString());

        var held = await merchant.ProgressAsync(id);
        var eight = TimeZoneInfo.ConvertTime(held["releaseAt"]!.GetValue<DateTimeOffset>(), Seoul);
        Assert.Equal((8, 0), (eight.Hour, eight.Minute));
        Assert.Equal(3, BroadcastSteps.Count(held, "waiting"));
        app.Advance(TimeSpan.FromHours(9));
        await app.Services.GetRequiredService<StallSweep>().RunAsync(CancellationToken.None);
        Assert.Equal(3, BroadcastSteps.Count(await merchant.ProgressAsync(id), "waiting"));
        Assert.DoesNotContain(await app.Sandbox.MessagesAsync(), m => m["body"]!.GetValue<string>().Contains(token, StringComparison.Ordinal));

        app.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
        await app.Services.GetRequiredService<StallSweep>().RunAsync(CancellationToken.None);

        await merchant.BroadcastStatusAsync(id, "done");
        var sent = (await app.Sandbox.MessagesAsync()).Where(m => m["body"]!.GetValue<string>().Contains(token, StringComparison.Ordinal)).ToList();
        Assert.Equal(phones.Order(), sent.Select(m => m["to"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Erasing_a_customer_stops_their_held_broadcast_message_and_removes_their_contact_from_it()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var from = await TenAtNightAsync();
        var (erased, kept) = (OrderSteps.NewPhone(), OrderSteps.NewPhone());
        foreach (var phone in new[] { erased, kept })
        {
            await merchant.ConfirmationAsync(await merchant.PostOrderAsync(OrderSteps.ForCustomer(phone, null)), "confirmed");
        }
        var token = Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await merchant.AcceptedBroadcastAsync(app.Http,
            BroadcastSteps.Body("내일 휴무 " + token, from, app.Clock.GetUtcNow().AddSeconds(1), urgent: false), Guid.NewGuid().ToString());

        using (var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers"))
        {
            var customerId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray()
                .Single(c => c!["phone"]?.GetValue<string>() == erased)!["customerId"]!.GetValue<string>();
            using var erase = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/{customerId}");
            Assert.Equal(System.Net.HttpStatusCode.NoContent, erase.StatusCode);
        }
        app.Advance(TimeSpan.FromHours(10) + TimeSpan.FromSeconds(5));
        await app.Services.GetRequiredService<StallSweep>().RunAsync(CancellationToken.None);

        var done = await merchant.BroadcastStatusAsync(id, "done");
        Assert.Equal((1, 1), (BroadcastSteps.Count(done, "confirmed"), BroadcastSteps.Count(done, "cancelled")));
        var sent = (await app.Sandbox.MessagesAsync()).Where(m => m["body"]!.GetValue<string>().Contains(token, StringComparison.Ordinal)).ToList();
        Assert.Equal([kept], sent.Select(m => m["to"]!.GetValue<string>()));
        var recipients = (await app.MerchantRowsAsync(merchant.Id)).Where(r => r.RowKey.StartsWith($"broadcast|{id}|", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, recipients.Count);
        Assert.DoesNotContain(recipients, r => r.GetString("CustomerPhone") == erased);
        Assert.Contains(recipients, r => r.GetString("CustomerPhone") is null && r.GetString("CustomerName") == "");
    }

    // Fresh channels, and the fake clock moved on to 22:00 in Seoul; returns that time.
    private async Task<DateTimeOffset> TenAtNightAsync()
    {
        await app.FreshStartAsync();
        var local = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Seoul);
        var ten = new DateTimeOffset(local.Date.AddHours(22), local.Offset);
        app.Advance((ten > local ? ten : ten.AddDays(1)) - local);
        await app.FreshStartAsync();
        return app.Clock.GetUtcNow();
    }
}
