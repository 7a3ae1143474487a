using Notify.Common;

namespace Notify.Orders;

/// <summary>The columns of an order export.</summary>
public static class OrderCsv
{
    /// <summary>One row per order; items are summarised as <c>name x quantity</c> joined by "; ".</summary>
    public static readonly IReadOnlyList<CsvColumn<OrderView>> Columns =
    [
        new("orderId", o => o.OrderId),
        new("orderNumber", o => o.OrderNumber),
        new("placedAt", o => o.PlacedAt),
        new("acceptedAt", o => o.AcceptedAt),
        new("customerName", o => o.Customer.Name),
        new("customerPhone", o => o.Customer.Phone),
        new("customerEmail", o => o.Customer.Email),
        new("items", o => string.Join("; ", o.Items.Select(i => $"{i.Name} x {i.Quantity}"))),
        new("total", o => o.Total),
        new("currency", o => o.Currency),
        new("fulfillmentType", o => o.Fulfillment?.Type),
        new("fulfillmentAt", o => o.Fulfillment?.At),
        new("note", o => o.Note),
        new("confirmationStatus", o => o.Confirmation.Status),
        new("confirmedBy", o => o.Confirmation.ConfirmedBy),
    ];
}
