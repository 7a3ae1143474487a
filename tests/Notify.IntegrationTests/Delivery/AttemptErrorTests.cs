using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Delivery;

/// <summary>What merchants read about a failed attempt is a stable code and a short message, never the provider's own text.</summary>
[Collection(AppCollection.Name)]
public sealed class AttemptErrorTests(NotifyApp app)
{
    [Fact]
    public async Task Unreachable_webhook_shows_a_code_and_no_host_or_port()
    {
        // A port of its own, so no other test's failures have opened this host's circuit.
        var url = $"http://127.0.0.1:{Notify.LocalParts.NodeProcess.FreePort()}/hooks";
        var merchant = await MerchantClient.CreateAsync(app, new { name = "웹훅가게", webhookUrl = url, channels = new[] { "webhook" } });
        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(null, OrderSteps.NewEmail()));

        var attempt = (await merchant.ConfirmationAsync(orderId, "exhausted"))["attempts"]![0]!;

        Assert.Equal("webhook.unreachable", attempt["errorCode"]?.GetValue<string>());
        var error = attempt["error"]!.GetValue<string>();
        Assert.DoesNotContain("127.0.0.1", error);
        Assert.DoesNotContain("refused", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("webhook.unreachable", error);
    }
}
