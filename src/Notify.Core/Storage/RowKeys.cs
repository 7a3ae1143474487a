using System.Security.Cryptography;
using System.Text;

namespace Notify.Storage;

/// <summary>
/// Row keys in the MerchantData table. Every kind of row shares the merchant's partition so that one entity group
/// transaction can write an order, its customer and its idempotency records together.
/// </summary>
public static class RowKeys
{
    /// <summary>Prefix of order rows; the order id after it is time-ordered, so a key range is a time window.</summary>
    public const string OrderPrefix = "order|";

    /// <summary>Prefix of customer rows.</summary>
    public const string CustomerPrefix = "customer|";

    /// <summary>An order's row.</summary>
    public static string Order(string orderId) => OrderPrefix + orderId;

    /// <summary>A customer's row, by phone (E.164) or lower-cased e-mail.</summary>
    public static string Customer(string customerKey) => CustomerPrefix + Escape(customerKey);

    /// <summary>The record of a <c>webhook-id</c> already answered.</summary>
    public static string Webhook(string webhookId) => "webhook|" + Escape(webhookId);

    /// <summary>The record that an order number is taken.</summary>
    public static string OrderNumber(string orderNumber) => "number|" + Escape(orderNumber);

    /// <summary>Prefix of broadcast rows: a broadcast's own row, then its recipients after it.</summary>
    public const string BroadcastPrefix = "broadcast|";

    /// <summary>A broadcast's own row.</summary>
    public static string Broadcast(string broadcastId) => BroadcastPrefix + broadcastId;

    /// <summary>A broadcast recipient's row (<paramref name="n"/>: 8 hex digits), carrying the same delivery columns as an order row.</summary>
    public static string BroadcastRecipient(string broadcastId, string n) => $"{BroadcastPrefix}{broadcastId}|{n}";

    /// <summary>The record that an <c>Idempotency-Key</c> of a broadcast was answered.</summary>
    public static string BroadcastKey(string idempotencyKey) => "broadcastkey|" + Escape(idempotencyKey);

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>.</summary>
    public static string After(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    // Longest escaped value kept readable; longer ones are hashed, so every key stays far below Azure Tables' 1 KiB.
    private const int MaxEscaped = 300;

    // Row keys may not contain / \ # ? or control characters; percent-encoding removes them all. Escaping never yields
    // ':' (it becomes %3A), so a hashed key cannot collide with an escaped one.
    private static string Escape(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        return escaped.Length <= MaxEscaped
            ? escaped
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}
