using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Customers;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Orders;
using Notify.Storage;
using Notify.Telemetry;

namespace Notify.Intake;

/// <summary>The rows intake writes for a new order, in one entity group transaction.</summary>
public static class NewOrderRows
{
    /// <summary>
    /// The one transaction that stores a new order: order, customer, webhook record, order-number claim. An order intake
    /// <paramref name="planned"/> itself is stored with that delivery, and <paramref name="dueAt"/> is its first send's
    /// pickup deadline; otherwise it waits for the fan-out, due by <paramref name="dueAt"/>.
    /// </summary>
    public static IEnumerable<TableTransactionAction> For(
        string merchantId, string orderId, string webhookId, string contentHash, Order order, DateTimeOffset now, DateTimeOffset dueAt,
        DeliveryState? planned = null)
    {
        var c = order.Customer;
        var row = new OrderEntity
        {
            PartitionKey = merchantId, RowKey = RowKeys.Order(orderId), OrderId = orderId, OrderNumber = order.OrderNumber,
            PlacedAt = order.PlacedAt, AcceptedAt = now, CustomerName = c.Name, CustomerPhone = c.Phone,
            CustomerEmail = c.Email, CustomerLocale = c.Locale, ItemsJson = Json.SerializeStored(order.Items),
            Total = order.Total.ToString(CultureInfo.InvariantCulture), Currency = order.Currency,
            FulfillmentType = order.Fulfillment?.Type, FulfillmentAt = order.Fulfillment?.At, Note = order.Note,
            ContentHash = contentHash, WebhookId = webhookId, FanOutDueAt = dueAt, TraceParent = TraceContext.Current().Parent,
        };
        if (planned is not null)
        {
            DeliveryRows.Merge(row, planned, Guid.NewGuid().ToString("N"), default);
        }
        yield return new(TableTransactionActionType.Add, row);
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
