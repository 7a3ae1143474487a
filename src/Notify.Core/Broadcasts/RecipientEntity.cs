using Azure;
using Azure.Data.Tables;
using Notify.Common;
using Notify.Delivery;
using Notify.Orders;

namespace Notify.Broadcasts;

/// <summary>
/// One customer of a broadcast (RowKey <c>broadcast|{broadcastId}|{n:x8}</c>). It carries the customer and the same
/// delivery columns, under the same names, as an order row (<see cref="OrderEntity"/>), so the delivery pipeline loads
/// and saves it as it does an order; <c>OrderId</c> holds the recipient's delivery id.
/// </summary>
public sealed class RecipientEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";
    /// <inheritdoc />
    public string RowKey { get; set; } = "";
    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }
    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The recipient's delivery id (<see cref="DeliveryIds.Recipient"/>), under an order row's column name.</summary>
    public string OrderId { get; set; } = "";
    /// <summary>When the broadcast was accepted.</summary>
    public DateTimeOffset AcceptedAt { get; set; }
    /// <summary>The customer's name.</summary>
    public string CustomerName { get; set; } = "";
    /// <summary>E.164 phone.</summary>
    public string? CustomerPhone { get; set; }
    /// <summary>E-mail.</summary>
    public string? CustomerEmail { get; set; }
    /// <summary>Locale, for the language of the wording around the text.</summary>
    public string? CustomerLocale { get; set; }
    /// <summary>As on an order row.</summary>
    public string FanOut { get; set; } = FanOutStatus.Pending.Stored();
    /// <summary>When the sweep plans this recipient if no fan-out message has: its paced slot, after quiet hours.</summary>
    public DateTimeOffset FanOutDueAt { get; set; }
    /// <summary>As on an order row.</summary>
    public string ConfirmationStatus { get; set; } = Notify.Delivery.ConfirmationStatus.Pending.Stored();
    /// <summary>As on an order row.</summary>
    public string Chain { get; set; } = "";
    /// <summary>As on an order row.</summary>
    public string AttemptsJson { get; set; } = "[]";
    /// <summary>As on an order row.</summary>
    public string? ConfirmedBy { get; set; }
    /// <summary>True when the merchant's cancel stopped it before it was sent.</summary>
    public bool Cancelled { get; set; }

    /// <summary>The delivery this row carries.</summary>
    public DeliveryState ReadDelivery() => new(
        StoredName<ConfirmationStatus>.Parse(ConfirmationStatus), Chain.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Json.Deserialize<List<Attempt>>(AttemptsJson), ConfirmedBy);
}
