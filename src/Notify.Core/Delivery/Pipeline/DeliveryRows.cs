using Azure.Data.Tables;
using Notify.Common;
using Notify.Orders;

namespace Notify.Delivery.Pipeline;

/// <summary>Reads a <see cref="DeliveryState"/> from its order row and writes it back as a merge of its own columns.</summary>
public static class DeliveryRows
{
    /// <summary>
    /// The columns to merge into the order row (every saved delivery is planned), marked with
    /// <paramref name="saveId"/>; nothing else on the order changes.
    /// </summary>
    public static TableEntity Write(string merchantId, string rowKey, DeliveryState s, string saveId)
    {
        var row = new TableEntity(merchantId, rowKey)
        {
            [nameof(OrderEntity.SaveId)] = saveId,
            [nameof(OrderEntity.ConfirmationStatus)] = s.Status.Stored(),
            [nameof(OrderEntity.Chain)] = string.Join(',', s.Chain),
            [nameof(OrderEntity.AttemptsJson)] = Json.Serialize(s.Attempts),
            [nameof(OrderEntity.FanOut)] = FanOutStatus.Planned.Stored(),
        };
        if (s.AlertDueAt is { } alertDue)
        {
            row[nameof(OrderEntity.AlertDueAt)] = alertDue;
        }
        if (s.ConfirmedBy is not null)
        {
            row[nameof(OrderEntity.ConfirmedBy)] = s.ConfirmedBy;
        }
        if (s.Alert is { } alert)
        {
            row[nameof(OrderEntity.Alert)] = alert.Stored();
        }
        return row;
    }

    /// <summary>
    /// Whether <paramref name="row"/> holds the save marked <paramref name="saveId"/>. Not the state it wrote: two
    /// senders claiming one attempt at once write the same state, and only the one whose save stored may send.
    /// </summary>
    public static bool Holds(OrderEntity row, string saveId) => row.SaveId == saveId;

    /// <summary>The delivery an order row carries.</summary>
    public static DeliveryState Read(OrderEntity e) => e.ReadDelivery();

    /// <summary>
    /// Makes <paramref name="row"/> what storage holds after <see cref="Write"/> of <paramref name="s"/> (and <paramref name="saveId"/>) was merged
    /// into it: the same columns, and the <paramref name="etag"/> the save returned.
    /// </summary>
    public static void Merge(OrderEntity row, DeliveryState s, string saveId, Azure.ETag etag)
    {
        row.SaveId = saveId;
        row.ConfirmationStatus = s.Status.Stored();
        row.Chain = string.Join(',', s.Chain);
        row.AttemptsJson = Json.Serialize(s.Attempts);
        row.FanOut = FanOutStatus.Planned.Stored();
        row.ConfirmedBy = s.ConfirmedBy ?? row.ConfirmedBy;
        row.Alert = s.Alert?.Stored() ?? row.Alert;
        row.AlertDueAt = s.AlertDueAt ?? row.AlertDueAt;
        row.ETag = etag;
    }
}
