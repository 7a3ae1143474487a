using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Notify.Channels;
using Notify.Channels.Templates;
using Notify.Core.Tests.Channels.Support;
using Notify.Signing;

using Notify.LocalParts;

namespace Notify.Core.Tests.Channels.Webhook;

public sealed class WebhookChannelTests
{
    private static readonly Dictionary<string, string?> FastRetries = new() { ["Webhook:RetryDelay"] = "00:00:00.020" };

    [Fact]
    public async Task Event_is_signed_with_the_merchants_secret_and_describes_the_order()
    {
        await using var merchantSite = await Receiver.StartAsync();
        await using var services = ChannelServices.Build(FastRetries);
        var merchant = Samples.Merchant(merchantSite.BaseUrl + "/hooks/notify");
        var confirmation = Samples.Confirmation(merchant: merchant, attempt: 3);

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Delivered, result.Status);
        var request = await merchantSite.NextAsync();
        Assert.Equal("/hooks/notify", request.PathAndQuery);
        Assert.Equal(confirmation.AttemptKey, request.Header("webhook-id"));
        Assert.Equal(WebhookVerdict.Valid, StandardWebhook.Verify(
            merchant.WebhookSecret, request.Header("webhook-id"), request.Header("webhook-timestamp"),
            request.Header("webhook-signature"), request.Body, DateTimeOffset.UtcNow));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("order.confirmation", root.GetProperty("type").GetString());
        Assert.Equal(merchant.Id, root.GetProperty("merchantId").GetString());
        Assert.Equal(confirmation.OrderId, root.GetProperty("orderId").GetString());
        Assert.Equal("A-1001", root.GetProperty("orderNumber").GetString());
        Assert.Equal("김민지", root.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(Samples.Phone, root.GetProperty("customer").GetProperty("phone").GetString());
        Assert.Equal("minji@example.com", root.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal(ConfirmationTemplates.Render(merchant, confirmation.Order).Sms, root.GetProperty("message").GetString());
        Assert.Equal(3, root.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task Timestamp_comes_from_the_injected_clock()
    {
        await using var merchantSite = await Receiver.StartAsync();
        var clock = new FakeTimeProvider(Samples.PickupAt);
        await using var services = ChannelServices.Build(FastRetries, clock);
        var merchant = Samples.Merchant(merchantSite.BaseUrl);

        await services.Channel(ChannelNames.Webhook).SendAsync(Samples.Confirmation(merchant: merchant), CancellationToken.None);

        var request = await merchantSite.NextAsync();
        Assert.Equal(Samples.PickupAt.ToUnixTimeSeconds().ToString(), request.Header("webhook-timestamp"));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(Samples.PickupAt, json.RootElement.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Server_error_is_retried_and_then_delivered()
    {
        await using var merchantSite = await Receiver.StartAsync(500);
        await using var services = ChannelServices.Build(FastRetries);
        var confirmation = Samples.Confirmation(merchant: Samples.Merchant(merchantSite.BaseUrl));

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Delivered, result.Status);
        Assert.Equal(2, merchantSite.Count);
        Assert.Equal((await merchantSite.NextAsync()).Header("webhook-id"), (await merchantSite.NextAsync()).Header("webhook-id"));
    }

    [Fact]
    public async Task Client_error_fails_without_retry()
    {
        await using var merchantSite = await Receiver.StartAsync(400);
        await using var services = ChannelServices.Build(FastRetries);
        var confirmation = Samples.Confirmation(merchant: Samples.Merchant(merchantSite.BaseUrl));

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("permanently", result.Error);
        Assert.Equal(1, merchantSite.Count);
    }

    [Fact]
    public async Task Persistent_server_errors_fail_after_two_retries()
    {
        await using var merchantSite = await Receiver.StartAsync(503, 503, 503, 503);
        await using var services = ChannelServices.Build(FastRetries);
        var confirmation = Samples.Confirmation(merchant: Samples.Merchant(merchantSite.BaseUrl));

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("503", result.Error);
        Assert.Equal(3, merchantSite.Count);
    }

    [Fact]
    public async Task Unreachable_webhook_fails_with_the_error()
    {
        await using var services = ChannelServices.Build(FastRetries);
        var confirmation = Samples.Confirmation(merchant: Samples.Merchant($"http://127.0.0.1:{NodeProcess.FreePort()}/hook"));

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Contains("unreachable", result.Error);
        Assert.StartsWith(AttemptErrors.WebhookUnreachable + ": ", result.Error);
        Assert.DoesNotContain("127.0.0.1", result.Error);
    }

    [Fact]
    public async Task Address_refused_at_connect_is_a_permanent_coded_failure_that_names_no_address()
    {
        await using var merchantSite = await Receiver.StartAsync();
        await using var services = ChannelServices.Build(new(FastRetries) { ["Notify:AllowPrivateWebhooks"] = "false" });
        var confirmation = Samples.Confirmation(merchant: Samples.Merchant(merchantSite.BaseUrl + "/hook"));

        var result = await services.Channel(ChannelNames.Webhook).SendAsync(confirmation, CancellationToken.None);

        Assert.Equal((SendStatus.Failed, true), (result.Status, result.Permanent));
        Assert.StartsWith(AttemptErrors.WebhookAddressRefused + ": ", result.Error);
        Assert.DoesNotContain("127.0.0.1", result.Error);
        Assert.Equal(0, merchantSite.Count);
    }

    [Fact]
    public void Merchant_without_webhook_cannot_be_reached()
    {
        using var services = ChannelServices.Build([]);
        var webhook = services.Channel(ChannelNames.Webhook);

        Assert.False(webhook.CanReach(Samples.Merchant(webhookUrl: null), Samples.Order().Customer));
        Assert.True(webhook.CanReach(Samples.Merchant("https://shop.example/hook"), Samples.Order().Customer));
    }
}
