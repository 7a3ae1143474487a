using System.Text.Json;
using Notify.Channels.Templates;
using Notify.Common;
using Notify.Merchants;
using Notify.Orders;

namespace Notify.Channels.Webhook;

/// <summary>Confirms an order through the merchant's own webhook: the merchant then tells the customer.</summary>
public sealed class WebhookChannel(WebhookSender sender, TimeProvider time) : IChannel
{
    /// <inheritdoc />
    public string Name => ChannelNames.Webhook;

    /// <inheritdoc />
    public bool CanReach(Merchant merchant, Customer customer) => !string.IsNullOrEmpty(merchant.WebhookUrl);

    /// <inheritdoc />
    public Task<SendResult> SendAsync(OutboundConfirmation confirmation, CancellationToken ct)
    {
        var merchant = confirmation.Merchant;
        if (!Uri.TryCreate(merchant.WebhookUrl, UriKind.Absolute, out var url))
        {
            return Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.WebhookNoUrl, "The merchant has no usable webhook URL."), Permanent: true));
        }
        var order = confirmation.Order;
        var customer = order.Customer;
        var @event = new WebhookEvent(
            WebhookEvent.OrderConfirmation,
            merchant.Id,
            confirmation.OrderId,
            order.OrderNumber,
            new WebhookCustomer(customer.Name, customer.Phone, customer.Email),
            ConfirmationTemplates.Render(merchant, order).Sms,
            confirmation.Attempt,
            time.GetUtcNow());
        return sender.SendAsync(url, merchant.LiveWebhookSecrets(time.GetUtcNow()), confirmation.AttemptKey, JsonSerializer.SerializeToUtf8Bytes(@event, Json.Options), ct);
    }

    /// <inheritdoc />
    public Task<SendResult> SendNoticeAsync(OutboundNotice notice, CancellationToken ct)
    {
        var merchant = notice.Merchant;
        if (!Uri.TryCreate(merchant.WebhookUrl, UriKind.Absolute, out var url))
        {
            return Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.WebhookNoUrl, "The merchant has no usable webhook URL."), Permanent: true));
        }
        var customer = notice.Customer;
        var @event = new WebhookEvent(
            WebhookEvent.BroadcastNotice, merchant.Id, notice.DeliveryId, "",
            new WebhookCustomer(customer.Name, customer.Phone, customer.Email), notice.Text, notice.Attempt, time.GetUtcNow());
        return sender.SendAsync(url, merchant.LiveWebhookSecrets(time.GetUtcNow()), notice.AttemptKey, JsonSerializer.SerializeToUtf8Bytes(@event, Json.Options), ct);
    }
}
