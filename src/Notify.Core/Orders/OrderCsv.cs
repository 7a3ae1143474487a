using Notify.Common;
using Notify.Customers;

namespace Notify.Orders;

/// <summary>The columns of an order export.</summary>
public static class OrderCsv
{
    /// <summary>
    /// One row per order; items are summarised as <c>name x quantity</c> joined by "; ". The phone is given twice: E.164
    /// for programs, and in national format, which spreadsheets keep as text (they turn <c>+8210…</c> into a number).
    /// </summary>
    public static readonly IReadOnlyList<CsvColumn<OrderView>> Columns =
    [
        new("orderId", o => o.OrderId, Verbatim: true),
        new("orderNumber", o => o.OrderNumber),
        new("placedAt", o => o.PlacedAt, Verbatim: true),
        new("acceptedAt", o => o.AcceptedAt, Verbatim: true),
        new("customerName", o => o.Customer.Name),
        new("customerPhone", o => o.Customer.Phone, Verbatim: true),
        new("customerPhoneNational", o => Contacts.ToNational(o.Customer.Phone), Verbatim: true),
        new("customerEmail", o => o.Customer.Email),
        new("items", o => string.Join("; ", o.Items.Select(i => $"{i.Name} x {i.Quantity}"))),
        new("total", o => o.Total, Verbatim: true),
        new("currency", o => o.Currency, Verbatim: true),
        new("fulfillmentType", o => o.Fulfillment?.Type, Verbatim: true),
        new("fulfillmentAt", o => o.Fulfillment?.At, Verbatim: true),
        new("note", o => o.Note),
        new("confirmationStatus", o => o.Confirmation.Status, Verbatim: true),
        new("confirmedBy", o => o.Confirmation.ConfirmedBy, Verbatim: true),
    ];
}
