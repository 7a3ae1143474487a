using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Customers;
using Notify.Orders;
using Notify.Storage;
using Notify.Telemetry;

namespace Notify.Intake;

/// <summary>The rows intake writes for a new order, in one entity group transaction.</summary>
public static class NewOrderRows
{
    /// <summary>The one transaction that stores a new order: order, customer, webhook record, order-number claim.</summary>
    public static IEnumerable<TableTransactionAction> For(
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
            ContentHash = contentHash, WebhookId = webhookId, FanOutDueAt = fanOutDueAt, TraceParent = TraceContext.Current().Parent,
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

}
