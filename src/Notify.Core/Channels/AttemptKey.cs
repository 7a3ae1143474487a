using System.Globalization;
using Notify.Common;
using Notify.Merchants;

namespace Notify.Channels;

/// <summary>
/// Names one attempt as <c>{merchantId}.{orderId}.{n}</c>: in Twilio's callback URL, the webhook's id and the
/// e-mail's Message-Id, so a provider's answer finds its attempt even when the send never saw an id.
/// </summary>
public sealed record AttemptKey(string MerchantId, string OrderId, int Attempt)
{
    /// <summary>
    /// Parses an attempt key; null when it is not one. The parts become table keys, so only a well-formed merchant id
    /// and order id (32 hex digits) pass: anything else could never name an attempt, and storage would refuse it.
    /// </summary>
    public static AttemptKey? Parse(string? value)
    {
        if (value is not { Length: <= 80 })
        {
            return null;
        }
        var parts = value.Split('.');
        return parts.Length == 3 && MerchantIds.IsWellFormed(parts[0]) && Ids.IsTimeOrdered(parts[1])
               && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? new AttemptKey(parts[0], parts[1], n)
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{MerchantId}.{OrderId}.{Attempt}";
}
