using System.Globalization;
using Notify.Common;

namespace Notify.Orders;

/// <summary>Reads the <see cref="Order"/> an order row holds (intake writes it: <c>Intake.NewOrderRows</c>).</summary>
public static class OrderRows
{
    /// <summary>The order a row holds.</summary>
    public static Order ToOrder(OrderEntity e) => new(
        e.OrderNumber, e.PlacedAt, new Customer(e.CustomerName, e.CustomerPhone, e.CustomerEmail, e.CustomerLocale),
        Json.Deserialize<List<OrderItem>>(e.ItemsJson), decimal.Parse(e.Total, CultureInfo.InvariantCulture), e.Currency,
        e.FulfillmentType is null ? null : new Fulfillment(e.FulfillmentType, e.FulfillmentAt), e.Note);
}
