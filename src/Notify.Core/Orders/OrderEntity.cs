using Azure;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Delivery;

namespace Notify.Orders;

/// <summary>
/// An order row in MerchantData (PartitionKey = merchant id, RowKey = <c>order|{orderId}</c>). It also carries the
/// confirmation's state, so one ETag guards the order and its delivery and a status filter is a plain query.
/// </summary>
public sealed class OrderEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The order id (also in the row key).</summary>
    public string OrderId { get; set; } = "";
    /// <summary>The merchant's own order number.</summary>
    public string OrderNumber { get; set; } = "";
    /// <summary>When the customer placed the order.</summary>
    public DateTimeOffset PlacedAt { get; set; }
    /// <summary>When Notify stored it.</summary>
    public DateTimeOffset AcceptedAt { get; set; }
    /// <summary>The customer's name.</summary>
    public string CustomerName { get; set; } = "";
    /// <summary>The customer's phone, E.164.</summary>
    public string? CustomerPhone { get; set; }
    /// <summary>The customer's e-mail.</summary>
    public string? CustomerEmail { get; set; }
    /// <summary>The customer's locale.</summary>
    public string? CustomerLocale { get; set; }
    /// <summary>The lines, as JSON.</summary>
    public string ItemsJson { get; set; } = "[]";
    /// <summary>The total as an invariant decimal string (Table Storage has no decimal type).</summary>
    public string Total { get; set; } = "0";
    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; set; } = "";
    /// <summary>pickup, delivery, …</summary>
    public string? FulfillmentType { get; set; }
    /// <summary>When the order is handed over.</summary>
    public DateTimeOffset? FulfillmentAt { get; set; }
    /// <summary>The customer's note.</summary>
    public string? Note { get; set; }
    /// <summary>SHA-256 of the validated order, to tell a resend from a different order with the same number.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>The <c>webhook-id</c> that created it.</summary>
    public string WebhookId { get; set; } = "";
    /// <summary>Whether the order has been planned into a delivery, as stored (<see cref="FanOutStatus"/>).</summary>
    public string FanOut { get; set; } = FanOutStatus.Pending.Stored();
    /// <summary>When the sweep fans the order out if nothing else has.</summary>
    public DateTimeOffset FanOutDueAt { get; set; }
    /// <summary>pending, sent, confirmed, exhausted or cancelled, as stored (<see cref="Notify.Delivery.ConfirmationStatus"/>).</summary>
    public string ConfirmationStatus { get; set; } = Notify.Delivery.ConfirmationStatus.Pending.Stored();
    /// <summary>The planned channel chain, comma-separated.</summary>
    public string Chain { get; set; } = "";
    /// <summary>Every attempt, as JSON.</summary>
    public string AttemptsJson { get; set; } = "[]";
    /// <summary>The channel that confirmed delivery.</summary>
    public string? ConfirmedBy { get; set; }
    /// <summary>Whether the merchant was alerted about an unreachable customer (<see cref="AlertStatus"/>).</summary>
    public string? Alert { get; set; }
    /// <summary>While the alert is claimed, when the claim counts as abandoned.</summary>
    public DateTimeOffset? AlertDueAt { get; set; }
    /// <summary>When the customer's contact details were erased from this order (on request, or by retention).</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    /// <summary>The W3C traceparent of the request that posted the order, so later hops (the sweep) can find its trace.</summary>
    public string? TraceParent { get; set; }

    /// <summary>
    /// A fresh id each delivery save writes, so a save whose answer was lost (the SDK retried and met a 412) can tell
    /// its own write from a concurrent one that wrote the same state.
    /// </summary>
    public string? SaveId { get; set; }

    /// <summary>The delivery this row carries.</summary>
    public DeliveryState ReadDelivery() => new(
        StoredName<ConfirmationStatus>.Parse(ConfirmationStatus),
        Chain.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Json.Deserialize<List<Attempt>>(AttemptsJson),
        ConfirmedBy,
        Alert is null ? null : StoredName<AlertStatus>.Parse(Alert),
        AlertDueAt);
}

/// <summary>Whether an order has been planned into a delivery.</summary>
public enum FanOutStatus
{
    /// <summary>Stored; the fan-out message is (or is about to be) on its queue.</summary>
    Pending,
    /// <summary>Stored, but the fan-out message could not be enqueued: the sweep fans it out.</summary>
    [JsonStringEnumMemberName("enqueue-failed")]
    EnqueueFailed,
    /// <summary>Planned into a delivery.</summary>
    Planned,
}
