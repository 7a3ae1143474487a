using Notify.Channels;
using Notify.Channels.Email;
using Notify.Channels.Sms;
using Notify.Channels.Templates;
using Notify.Merchants;
using Notify.Orders;

namespace Notify.Delivery.Alerts;

/// <summary>Tells a merchant that no channel reached a customer: by SMS to the alert phone, else by e-mail.</summary>
public sealed class MerchantAlerts(SmsSender sms, EmailSender email)
{
    /// <summary>True when some channel took the alert; false when the merchant has no alert contact or none worked.</summary>
    public async Task<bool> SendAsync(Merchant merchant, string orderId, Order order, CancellationToken ct)
    {
        var alert = MerchantAlertTemplates.Render(merchant, order.OrderNumber, order.Customer);
        if (merchant.AlertPhone is { } phone && await sms.SendAsync(phone, alert.Sms, statusCallback: null, ct) is { Status: not (SendStatus.Failed or SendStatus.Throttled) })
        {
            return true;
        }
        if (merchant.AlertEmail is { } address)
        {
            var sent = await email.SendAsync(address, alert.Email.Subject, alert.Email.Text, alert.Email.Html, $"<alert.{merchant.Id}.{orderId}@notify>", ct);
            return sent.Status is not (SendStatus.Failed or SendStatus.Throttled);
        }
        return false;
    }
}
