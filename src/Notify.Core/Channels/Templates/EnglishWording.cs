using System.Globalization;
using Notify.Intake;

namespace Notify.Channels.Templates;

/// <summary>English: plain GSM-7 wording so an all-Latin SMS stays in the 160-character alphabet.</summary>
internal sealed class EnglishWording : IWording
{
    public static readonly EnglishWording Instance = new();

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    public string Code => "en";

    public string ItemSummary(string first, int quantity, int others) =>
        others > 0 ? $"{first} and {others} more" : quantity > 1 ? $"{first} x{quantity}" : first;

    public string Fulfillment(string type) => type switch
    {
        "pickup" => "Pickup",
        "delivery" => "Delivery",
        "dine-in" => "Dine-in",
        "shipping" => "Shipping",
        _ => type,
    };

    public string ShortTime(DateTime local) => local.ToString("ddd MMM d', 'h':'mm tt", Culture);

    public string LongTime(DateTime local) => local.ToString("dddd', 'MMMM d', 'yyyy', 'h':'mm tt", Culture);

    public string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString("N" + Currencies.MinorDigits(currency), Culture)}";

    public string Line(string item, int quantity, string amount) => $"{item} x {quantity} ({amount})";

    public string Handover(string type, string? time) => time is null ? Fulfillment(type) : $"{Fulfillment(type)} {time}";

    public string Sms(string shop, string orderNumber, string items, string? fulfillment) =>
        $"[{shop}] Order {orderNumber} confirmed: {items}" + (fulfillment is null ? "" : $". {fulfillment}");

    public string Subject(string shop, string orderNumber) => $"[{shop}] Order {orderNumber} confirmed";

    public string Greeting(string customer, string shop) => $"Hi {customer}, {shop} has confirmed your order.";

    public ConfirmationLabels Labels { get; } = new("Order number", "Items", "Total", "Fulfillment", "Note", "Customer", "Phone", "E-mail", "none");

    public string Footer => "This is an automated message; replies are not read.";

    public string AlertSms(string customer, string orderNumber, string? phone, string? email) =>
        $"[Notify] Order {orderNumber}: could not reach {customer}. Phone {phone ?? Labels.None}, e-mail {email ?? Labels.None}.";

    public string AlertSubject(string orderNumber) => $"[Notify] Customer not reached: order {orderNumber}";
}
