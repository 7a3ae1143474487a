using Notify.Merchants;
using Notify.Orders;

namespace Notify.Channels.Templates;

/// <summary>Writes the customer's order confirmation, in the customer's language (else the merchant's, else English).</summary>
public static class ConfirmationTemplates
{
    // Long shop names would crowd the order out of a one-segment SMS.
    private const int ShopNameInSms = 20;

    /// <summary>The confirmation of <paramref name="order"/> for every channel, with times in the merchant's time zone.</summary>
    public static ConfirmationMessage Render(Merchant merchant, Order order)
    {
        var language = LanguageChoice.For(order.Customer.Locale, merchant.Locale);
        var words = Wordings.For(language);
        return new ConfirmationMessage(language, Sms(words, merchant, order), Email(words, merchant, order));
    }

    private static string Sms(IWording words, Merchant merchant, Order order)
    {
        var shop = SmsFit.Shorten(merchant.Name, ShopNameInSms);
        var first = order.Items[0];
        var others = order.Items.Count - 1;
        var fulfillment = order.Fulfillment is { } f
            ? words.Handover(f.Type, f.At is { } at ? words.ShortTime(MerchantClock.Local(at, merchant.TimeZone)) : null)
            : null;
        return SmsFit.Fit(item => words.Sms(shop, order.OrderNumber, words.ItemSummary(item, first.Quantity, others), fulfillment), first.Name);
    }

    private static EmailContent Email(IWording words, Merchant merchant, Order order)
    {
        var labels = words.Labels;
        List<EmailRow> rows =
        [
            new(labels.OrderNumber, order.OrderNumber),
            new(labels.Items, [.. order.Items.Select(i => words.Line(i.Name, i.Quantity, words.Money(i.UnitPrice * i.Quantity, order.Currency)))]),
            new(labels.Total, words.Money(order.Total, order.Currency)),
        ];
        if (order.Fulfillment is { } f)
        {
            rows.Add(new(labels.Fulfillment, words.Fulfillment(f.Type)
                + (f.At is { } at ? ", " + words.LongTime(MerchantClock.Local(at, merchant.TimeZone)) : "")));
        }
        if (order.Note is { } note)
        {
            rows.Add(new(labels.Note, note));
        }
        return EmailLayout.Render(
            words.Code, words.Subject(merchant.Name, order.OrderNumber), words.Greeting(order.Customer.Name, merchant.Name), rows, words.Footer);
    }
}
