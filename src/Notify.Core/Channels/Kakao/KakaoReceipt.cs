namespace Notify.Channels.Kakao;

/// <summary>
/// A SOLAPI result for one AlimTalk, read from SOLAPI's message listing: which attempt it belongs to (the
/// <c>attempt</c> custom field Notify sent), where it stands, and whether a failure is the recipient's.
/// </summary>
/// <param name="Attempt">The attempt, from the message's custom field; null when the message carries none.</param>
/// <param name="MessageId">SOLAPI's message id.</param>
/// <param name="Status">Pending, delivered or failed.</param>
/// <param name="StatusCode">SOLAPI's four-digit status code (<see cref="KakaoCodes"/>).</param>
/// <param name="Error">What went wrong, for the attempt's record; null unless failed.</param>
/// <param name="RecipientProblem">
/// The failure is this recipient's, this message's or the merchant's KakaoTalk settings', not the channel's: move on
/// without counting it against the channel's shared health.
/// </param>
public sealed record KakaoReceipt(AttemptKey? Attempt, string MessageId, KakaoResultStatus Status, string StatusCode, string? Error, bool RecipientProblem)
{
    /// <summary>The receipt a status code makes; <paramref name="reason"/> (SOLAPI's own words) is not kept.</summary>
    public static KakaoReceipt Of(AttemptKey? attempt, string messageId, string statusCode, string? reason)
    {
        var kind = KakaoCodes.Kind(statusCode);
        var status = kind switch
        {
            KakaoCodeKind.Pending => KakaoResultStatus.Pending,
            KakaoCodeKind.Delivered => KakaoResultStatus.Delivered,
            _ => KakaoResultStatus.Failed,
        };
        // SOLAPI's reason is its free text: not echoed to merchants (AttemptErrors).
        var error = status == KakaoResultStatus.Failed
            ? AttemptErrors.Format(AttemptErrors.KakaoUndelivered, $"KakaoTalk not delivered: {KakaoCodes.Describe(KakaoOutcome.SafeStatusCode(statusCode))}.")
            : null;
        return new KakaoReceipt(attempt, messageId, status, statusCode, error, status == KakaoResultStatus.Failed && KakaoCodes.IsRecipientProblem(statusCode));
    }
}

/// <summary>Where an AlimTalk stands.</summary>
public enum KakaoResultStatus
{
    /// <summary>Accepted or on its way: no result yet.</summary>
    Pending,
    /// <summary>The recipient has it.</summary>
    Delivered,
    /// <summary>It will not arrive.</summary>
    Failed,
}
