using Notify.Channels.Templates;
using Notify.Merchants;
using Notify.Orders;

namespace Notify.Channels.Kakao;

/// <summary>
/// Confirms an order by KakaoTalk AlimTalk through SOLAPI, SOLAPI's own SMS fallback off: when KakaoTalk fails,
/// Notify moves to the next channel itself. The result comes later, read from SOLAPI's message listing.
/// </summary>
public sealed class KakaoChannel(SolapiClient client) : IChannel
{
    /// <inheritdoc />
    public string Name => ChannelNames.Kakao;

    /// <inheritdoc />
    public bool CanReach(Merchant merchant, Customer customer) => merchant.Kakao is not null && KakaoPhone.National(customer.Phone) is not null;

    /// <inheritdoc />
    public Task<SendResult> SendAsync(OutboundConfirmation confirmation, CancellationToken ct)
    {
        if (confirmation.Merchant.Kakao is not { } kakao)
        {
            return Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.KakaoNoRecipient, "The merchant has no KakaoTalk settings."), Permanent: true));
        }
        if (KakaoPhone.National(confirmation.Order.Customer.Phone) is not { } to)
        {
            return Task.FromResult(new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.KakaoNoRecipient, "The customer has no Korean mobile number."), Permanent: true));
        }
        var message = KakaoTemplates.Render(confirmation.Merchant, confirmation.Order);
        return client.SendAsync(new AlimTalk(to, kakao.PfId, kakao.TemplateId, message.Variables, confirmation.AttemptKey), ct);
    }
}
