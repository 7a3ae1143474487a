using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Customers;
using Notify.Intake;
using Notify.Storage;

namespace Notify.Orders;

/// <summary>Maps a validated <see cref="Order"/> to the rows intake writes, and back.</summary>
public static class OrderRows
{
    /// <summary>The one transaction that stores a new order: order, customer, webhook record, order-number claim.</summary>
    public static IEnumerable<TableTransactionAction> ForNewOrder(
        string merchantId, string orderId, string webhookId, string contentHash, Order order, DateTimeOffset now, DateTimeOffset fanOutDueAt)
    {
        var c = order.Customer;
        yield return new(TableTransactionActionType.Add, new OrderEntity
        {
            PartitionKey = merchantId, RowKey = RowKeys.Order(orderId), OrderId = orderId, OrderNumber = order.OrderNumber,
            PlacedAt = order.PlacedAt, AcceptedAt = now, CustomerName = c.Name, CustomerPhone = c.Phone,
            CustomerEmail = c.Email, CustomerLocale = c.Locale, ItemsJson = Json.SerializeStored(order.Items),
            Total = order.Total.ToString(CultureInfo.InvariantCulture), Currency = order.Currency,
            FulfillmentType = order.Fulfillment?.Type, FulfillmentAt = order.Fulfillment?.At, Note = order.Note,
            ContentHash = contentHash, WebhookId = webhookId, FanOutDueAt = fanOutDueAt,
        });
        yield return new(TableTransactionActionType.UpsertMerge, new CustomerEntity
        {
            PartitionKey = merchantId, RowKey = RowKeys.Customer(c.Key), Name = c.Name, Phone = c.Phone, Email = c.Email,
            Locale = c.Locale, LastOrderId = orderId, LastOrderNumber = order.OrderNumber, LastOrderAt = now,
        });
        yield return new(TableTransactionActionType.Add, new IntakeRecord
        {
            PartitionKey = merchantId, RowKey = RowKeys.Webhook(webhookId), OrderId = orderId, WebhookId = webhookId,
        });
        yield return new(TableTransactionActionType.Add, new IntakeRecord
        {
            PartitionKey = merchantId, RowKey = RowKeys.OrderNumber(order.OrderNumber), OrderId = orderId,
            ContentHash = contentHash, WebhookId = webhookId,
        });
    }

    /// <summary>SHA-256 of the validated order, so formatting differences in the JSON do not matter.</summary>
    public static string ContentHash(Order order) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json.Serialize(order))));

    /// <summary>The order a row holds.</summary>
    public static Order ToOrder(OrderEntity e) => new(
        e.OrderNumber, e.PlacedAt, new Customer(e.CustomerName, e.CustomerPhone, e.CustomerEmail, e.CustomerLocale),
        Json.Deserialize<List<OrderItem>>(e.ItemsJson), decimal.Parse(e.Total, CultureInfo.InvariantCulture), e.Currency,
        e.FulfillmentType is null ? null : new Fulfillment(e.FulfillmentType, e.FulfillmentAt), e.Note);
}
