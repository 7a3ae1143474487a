using Notify.Common;
using Notify.Customers;
using Notify.Orders;
using System.Globalization;

namespace Notify.Intake;

/// <summary>Turns a posted order into a valid <see cref="Order"/>, or every field error at once.</summary>
public static class OrderValidator
{
    /// <summary>The most lines one order may have.</summary>
    public const int MaxItems = 100;

    /// <summary>The largest amount (unit price or total) accepted, so that no sum of lines can overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The earliest time an order may have been placed or handed over; Azure Tables refuses dates before 1601.</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead a hand-over may be planned.</summary>
    public static readonly TimeSpan LatestFulfillment = TimeSpan.FromDays(5 * 366);

    // Stored item lines are one JSON string property, which Azure Tables limits to 32K UTF-16 characters.
    private const int MaxItemsJsonLength = 30_000;

    private static readonly string[] FulfillmentTypes = ["pickup", "delivery", "dine-in", "shipping"];

    /// <summary>Validates <paramref name="s"/>, reading national phone numbers in <paramref name="region"/>.</summary>
    public static Result<Order> Validate(OrderSubmission s, string region, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var number = s.OrderNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Any(char.IsControl) || FreeText.Name(number, 64) is null)
        {
            errors.Add("orderNumber", "An order number of 1 to 64 printable characters is required.");
        }
        if (s.PlacedAt is not { } placedAt)
        {
            errors.Add("placedAt", "When the order was placed is required, as an ISO 8601 time with offset.");
        }
        else if (placedAt > now + TimeSpan.FromMinutes(5))
        {
            errors.Add("placedAt", "An order cannot be placed in the future.");
        }
        else if (placedAt < EarliestTime)
        {
            errors.Add("placedAt", $"An order placed before {EarliestTime:yyyy-MM-dd} is not accepted.");
        }
        var customer = ValidateCustomer(s.Customer, region, errors);
        var items = ValidateItems(s.Items, errors);
        var currency = s.Currency?.Trim().ToUpperInvariant();
        if (currency is null || !Currencies.IsKnown(currency))
        {
            errors.Add("currency", "An ISO 4217 currency code such as KRW is required.");
        }
        ValidateAmounts(s.Total, items, currency, errors);
        var fulfillment = ValidateFulfillment(s.Fulfillment, now, errors);
        var note = s.Note is null ? null : FreeText.Clean(s.Note);
        if (s.Note is not null && note is null)
        {
            errors.Add("note", "A note may not contain control characters.");
        }
        else if (note?.Length > 500)
        {
            errors.Add("note", "A note is at most 500 characters.");
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return new Order(number!, s.PlacedAt!.Value, customer!, items!, s.Total!.Value, currency!, fulfillment, string.IsNullOrEmpty(note) ? null : note);
    }

    private static Customer? ValidateCustomer(CustomerSubmission? c, string region, FieldErrors errors)
    {
        if (c is null)
        {
            errors.Add("customer", "A customer with a name and a phone or an e-mail is required.");
            return null;
        }
        var name = FreeText.Name(c.Name, 100);
        if (name is null)
        {
            errors.Add("customer.name", "A name of 1 to 100 characters, with something visible and no control characters, is required.");
        }
        string? phone = null, email = null;
        if (!string.IsNullOrWhiteSpace(c.Phone) && (phone = Contacts.ToE164(c.Phone, region)) is null)
        {
            errors.Add("customer.phone", $"Not a valid phone number (national numbers are read as {region}).");
        }
        if (!string.IsNullOrWhiteSpace(c.Email) && (email = Contacts.ToEmail(c.Email)) is null)
        {
            errors.Add("customer.email", "Not a valid e-mail address.");
        }
        if (string.IsNullOrWhiteSpace(c.Phone) && string.IsNullOrWhiteSpace(c.Email))
        {
            errors.Add("customer", "A phone or an e-mail is required to reach the customer.");
        }
        var locale = c.Locale?.Trim();
        if (!string.IsNullOrEmpty(locale) && !Locales.IsKnown(locale))
        {
            errors.Add("customer.locale", "Use a locale such as ko-KR or en-US.");
        }
        return new Customer(name ?? "", phone, email, string.IsNullOrEmpty(locale) ? null : locale);
    }

    private static List<OrderItem>? ValidateItems(IReadOnlyList<ItemSubmission?>? items, FieldErrors errors)
    {
        if (items is null || items.Count == 0 || items.Count > MaxItems)
        {
            errors.Add("items", $"Between 1 and {MaxItems} items are required.");
            return null;
        }
        var valid = new List<OrderItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"items[{i}]";
            var name = FreeText.Name(item?.Name, 200);
            if (name is null)
            {
                errors.Add($"{path}.name", "A name of 1 to 200 characters, with something visible and no control characters, is required.");
            }
            if (item?.Quantity is not (> 0 and <= 10_000))
            {
                errors.Add($"{path}.quantity", "A whole quantity from 1 to 10000 is required.");
            }
            if (item?.UnitPrice is not (> 0 and <= MaxAmount))
            {
                errors.Add($"{path}.unitPrice", $"A positive unit price of at most {MaxAmount:0} is required.");
            }
            valid.Add(new OrderItem(name ?? "", item?.Quantity ?? 0, item?.UnitPrice is > 0 and <= MaxAmount ? item.UnitPrice.Value : 0));
        }
        if (Json.SerializeStored(valid).Length > MaxItemsJsonLength)
        {
            errors.Add("items", "The lines are too long together; shorten the item names.");
        }
        return valid;
    }

    private static void ValidateAmounts(decimal? total, List<OrderItem>? items, string? currency, FieldErrors errors)
    {
        if (total is not (>= 0 and <= MaxAmount))
        {
            errors.Add("total", $"A total from zero to {MaxAmount:0} is required.");
            return;
        }
        if (currency is not null && Currencies.IsKnown(currency))
        {
            if (!Currencies.FitsMinorUnits(total.Value, currency))
            {
                errors.Add("total", $"{currency} amounts have {Currencies.MinorDigits(currency)} decimal places at most.");
            }
            for (var i = 0; items is not null && i < items.Count; i++)
            {
                if (!Currencies.FitsMinorUnits(items[i].UnitPrice, currency))
                {
                    errors.Add($"items[{i}].unitPrice", $"{currency} amounts have {Currencies.MinorDigits(currency)} decimal places at most.");
                }
            }
        }
        if (items is not null && items.All(i => i.Quantity > 0 && i.UnitPrice > 0))
        {
            var sum = items.Sum(i => i.Quantity * i.UnitPrice);
            if (sum != total)
            {
                errors.Add("total", $"The total must equal the sum of the lines ({sum.ToString(CultureInfo.InvariantCulture)}).");
            }
        }
    }

    private static Fulfillment? ValidateFulfillment(FulfillmentSubmission? f, DateTimeOffset now, FieldErrors errors)
    {
        if (f is null)
        {
            return null;
        }
        var type = f.Type?.Trim().ToLowerInvariant();
        if (type is null || !FulfillmentTypes.Contains(type))
        {
            errors.Add("fulfillment.type", $"Use one of {string.Join(", ", FulfillmentTypes)}.");
        }
        if (f.At is { } at && (at < EarliestTime || at > now + LatestFulfillment))
        {
            errors.Add("fulfillment.at", $"A hand-over time from {EarliestTime:yyyy-MM-dd} to five years ahead is required.");
        }
        return new Fulfillment(type ?? "", f.At);
    }
}
