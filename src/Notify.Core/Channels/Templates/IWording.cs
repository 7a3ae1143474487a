namespace Notify.Channels.Templates;

/// <summary>The words and formats of one language; the templates put them together.</summary>
internal interface IWording
{
    /// <summary>The HTML <c>lang</c> code.</summary>
    string Code { get; }

    string ItemSummary(string first, int quantity, int others);

    string Fulfillment(string type);

    string ShortTime(DateTime local);

    string LongTime(DateTime local);

    string Money(decimal amount, string currency);

    string Line(string item, int quantity, string amount);

    string Handover(string type, string? time);

    string Sms(string shop, string orderNumber, string items, string? fulfillment);

    string Subject(string shop, string orderNumber);

    string Greeting(string customer, string shop);

    ConfirmationLabels Labels { get; }

    string Footer { get; }

    string AlertSms(string customer, string orderNumber, string? phone, string? email);

    string AlertSubject(string orderNumber);
}

/// <summary>The row labels of a confirmation e-mail and a merchant alert.</summary>
internal sealed record ConfirmationLabels(
    string OrderNumber, string Items, string Total, string Fulfillment, string Note, string Customer, string Phone, string Email, string None);
