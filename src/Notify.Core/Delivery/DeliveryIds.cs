using Notify.Storage;

namespace Notify.Delivery;

/// <summary>
/// A delivery is named by 32 hex digits, wherever an order id went before (send messages, deadlines, attempt keys):
/// an order's id (a version-7 GUID, <c>7</c> at index 12), or a broadcast recipient's, which is its broadcast's id
/// (24 hex digits, <c>b</c> at index 12) followed by the recipient's number in 8 hex digits.
/// </summary>
public static class DeliveryIds
{
    private const int BroadcastIdLength = 24;

    /// <summary>True when <paramref name="deliveryId"/> names a broadcast recipient rather than an order.</summary>
    public static bool IsRecipient(string deliveryId) => deliveryId.Length == 32 && deliveryId[12] == 'b';

    /// <summary>The recipient <paramref name="n"/> of <paramref name="broadcastId"/>.</summary>
    public static string Recipient(string broadcastId, int n) => broadcastId + n.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The broadcast a recipient's delivery belongs to.</summary>
    public static string BroadcastOf(string recipientId) => recipientId[..BroadcastIdLength];

    /// <summary>The MerchantData row that carries the delivery's state.</summary>
    public static string RowKey(string deliveryId) => IsRecipient(deliveryId)
        ? RowKeys.BroadcastRecipient(deliveryId[..BroadcastIdLength], deliveryId[BroadcastIdLength..])
        : RowKeys.Order(deliveryId);
}
