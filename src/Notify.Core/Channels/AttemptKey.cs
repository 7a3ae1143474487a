namespace Notify.Channels;

/// <summary>
/// Names one attempt as <c>{merchantId}.{orderId}.{n}</c>: in Twilio's callback URL, the webhook's id and the
/// e-mail's Message-Id, so a provider's answer finds its attempt even when the send never saw an id.
/// </summary>
public sealed record AttemptKey(string MerchantId, string OrderId, int Attempt)
{
    /// <summary>Parses an attempt key; null when it is not one.</summary>
    public static AttemptKey? Parse(string? value)
    {
        var parts = value?.Split('.') ?? [];
        return parts.Length == 3 && int.TryParse(parts[2], out var n) && n > 0 ? new AttemptKey(parts[0], parts[1], n) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{MerchantId}.{OrderId}.{Attempt}";
}
