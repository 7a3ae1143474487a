using Microsoft.Extensions.Options;
using Notify.Channels.Templates;
using Notify.Configuration;
using Notify.Customers;
using Notify.Merchants;
using Notify.Orders;
using Notify.Telemetry;

namespace Notify.Channels.Sms;

/// <summary>Confirms an order by SMS; Twilio's status callback later says whether it was delivered.</summary>
public sealed class SmsChannel(SmsSender sender, IOptions<NotifyOptions> options) : IChannel
{
    /// <inheritdoc />
    public string Name => ChannelNames.Sms;

    /// <inheritdoc />
    public bool CanReach(Merchant merchant, Customer customer) => PhoneKind.TakesTextMessages(customer.Phone);

    /// <inheritdoc />
    public Task<SendResult> SendAsync(OutboundConfirmation confirmation, CancellationToken ct)
    {
        if (confirmation.Order.Customer.Phone is not { Length: > 0 } phone)
        {
            return Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.SmsNoPhone, "The customer has no phone number.")));
        }
        var message = ConfirmationTemplates.Render(confirmation.Merchant, confirmation.Order);
        return sender.SendAsync(phone, message.Sms, StatusCallback(confirmation.AttemptKey), ct);
    }

    /// <inheritdoc />
    public Task<SendResult> SendNoticeAsync(OutboundNotice notice, CancellationToken ct) =>
        notice.Customer.Phone is { Length: > 0 } phone
            ? sender.SendAsync(phone, notice.Text, StatusCallback(notice.AttemptKey), ct)
            : Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.SmsNoPhone, "The customer has no phone number."), Permanent: true));

    // The attempt key lets a receipt find its attempt even when the create timed out and the SID was never seen; the
    // traceparent puts the receipt in the order's trace (Twilio signs the whole URL, so it cannot be swapped).
    private string StatusCallback(string attemptKey) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/receipts/twilio?attempt={Uri.EscapeDataString(attemptKey)}"
        + (TraceContext.Current().Parent is { } trace ? $"&traceparent={Uri.EscapeDataString(trace)}" : "");
}
