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

    private static readonly string[] FulfillmentTypes = ["pickup", "delivery", "dine-in", "shipping"];

    /// <summary>Validates <paramref name="s"/>, reading national phone numbers in <paramref name="region"/>.</summary>
    public static Result<Order> Validate(OrderSubmission s, string region, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var number = s.OrderNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 64 || number.Any(char.IsControl))
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
        var customer = ValidateCustomer(s.Customer, region, errors);
        var items = ValidateItems(s.Items, errors);
        var currency = s.Currency?.Trim().ToUpperInvariant();
        if (currency is null || !Currencies.IsKnown(currency))
        {
            errors.Add("currency", "An ISO 4217 currency code such as KRW is required.");
        }
        ValidateAmounts(s.Total, items, currency, errors);
        var fulfillment = ValidateFulfillment(s.Fulfillment, errors);
        var note = s.Note?.Trim();
        if (note?.Length > 500)
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
        var name = c.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("customer.name", "A name of 1 to 100 characters is required.");
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
            var name = item?.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 200)
            {
                errors.Add($"{path}.name", "A name of 1 to 200 characters is required.");
            }
            if (item?.Quantity is not (> 0 and <= 10_000))
            {
                errors.Add($"{path}.quantity", "A whole quantity from 1 to 10000 is required.");
            }
            if (item?.UnitPrice is not > 0)
            {
                errors.Add($"{path}.unitPrice", "A positive unit price is required.");
            }
            valid.Add(new OrderItem(name ?? "", item?.Quantity ?? 0, item?.UnitPrice ?? 0));
        }
        return valid;
    }

    private static void ValidateAmounts(decimal? total, List<OrderItem>? items, string? currency, FieldErrors errors)
    {
        if (total is not >= 0)
        {
            errors.Add("total", "A total of zero or more is required.");
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

    private static Fulfillment? ValidateFulfillment(FulfillmentSubmission? f, FieldErrors errors)
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
        return new Fulfillment(type ?? "", f.At);
    }
}
