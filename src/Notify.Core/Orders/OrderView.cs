using Notify.Common;

namespace Notify.Orders;

/// <summary>An order as a merchant reads it (CONTRACT.md: these names are fixed).</summary>
public sealed record OrderView(
    string OrderId,
    string OrderNumber,
    DateTimeOffset PlacedAt,
    DateTimeOffset AcceptedAt,
    CustomerView Customer,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    string Currency,
    Fulfillment? Fulfillment,
    string? Note,
    ConfirmationView Confirmation)
{
    /// <summary>The view of a stored order row.</summary>
    public static OrderView From(OrderEntity e)
    {
        var order = OrderRows.ToOrder(e);
        var delivery = e.ReadDelivery();
        return new OrderView(
            e.OrderId, order.OrderNumber, order.PlacedAt, e.AcceptedAt,
            new CustomerView(order.Customer.Name, order.Customer.Phone, order.Customer.Email, order.Customer.Locale),
            order.Items, order.Total, order.Currency, order.Fulfillment, order.Note,
            new ConfirmationView(
                delivery.Status.Stored(),
                delivery.Chain,
                delivery.ConfirmedBy,
                delivery.Attempts.Select(AttemptView.From).ToList(),
                delivery.Alert?.Stored()));
    }
}

/// <summary>The customer on an order.</summary>
public sealed record CustomerView(string Name, string? Phone, string? Email, string? Locale);

/// <summary>How the order's confirmation is going.</summary>
public sealed record ConfirmationView(
    string Status,
    IReadOnlyList<string> Chain,
    string? ConfirmedBy,
    IReadOnlyList<AttemptView> Attempts,
    string? MerchantAlert = null);

/// <summary>
/// One try on one channel; <paramref name="Receipt"/> is the provider's latest report. <paramref name="Error"/> is a short
/// safe message and <paramref name="ErrorCode"/> its stable code (none on rows stored before codes existed).
/// </summary>
public sealed record AttemptView(
    string Channel, string Status, string? ProviderId, DateTimeOffset At, string? Error, string? Receipt = null, string? ErrorCode = null)
{
    /// <summary>The view of a stored attempt.</summary>
    public static AttemptView From(Delivery.Attempt a)
    {
        (string? code, string? message) = a.Error is null ? (null, null) : Channels.AttemptErrors.Read(a.Error);
        return new AttemptView(a.Channel, a.Status.Stored(), a.ProviderId, a.At, message, a.Receipt, code);
    }
}
