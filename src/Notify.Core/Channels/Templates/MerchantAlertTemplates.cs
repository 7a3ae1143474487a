using Notify.Merchants;
using Notify.Orders;

namespace Notify.Channels.Templates;

/// <summary>Writes the alert that tells a merchant a customer could not be reached, in the merchant's language.</summary>
public static class MerchantAlertTemplates
{
    /// <summary>The alert for order <paramref name="orderNumber"/>, whose <paramref name="customer"/> no channel reached.</summary>
    public static MerchantAlert Render(Merchant merchant, string orderNumber, Customer customer)
    {
        var words = Wordings.For(LanguageChoice.For(merchant.Locale));
        var labels = words.Labels;
        // The merchant needs the whole message more than a cheap one, so it may take two segments at once.
        var sms = SmsFit.Fit(name => words.AlertSms(name, orderNumber, customer.Phone, customer.Email), customer.Name, SmsFit.MaxSegments);
        var email = EmailLayout.Render(
            words.Code,
            words.AlertSubject(orderNumber),
            words.AlertSms(customer.Name, orderNumber, customer.Phone, customer.Email),
            [
                new(labels.OrderNumber, orderNumber),
                new(labels.Customer, customer.Name),
                new(labels.Phone, customer.Phone ?? labels.None),
                new(labels.Email, customer.Email ?? labels.None),
            ],
            words.Footer);
        return new MerchantAlert(sms, email);
    }
}
