namespace Notify.TwilioSandbox.Messages;

/// <summary>A message as Twilio's Messages API answers it (what the SDK's MessageResource reads).</summary>
internal sealed record TwilioMessageJson(
    string Sid,
    string AccountSid,
    string To,
    string From,
    string? MessagingServiceSid,
    string Body,
    string Status,
    string NumSegments,
    string NumMedia,
    string Direction,
    string ApiVersion,
    string DateCreated,
    string DateUpdated,
    string? DateSent,
    string Uri,
    int? ErrorCode,
    string? ErrorMessage,
    string? Price,
    string PriceUnit,
    IReadOnlyDictionary<string, string> SubresourceUris)
{
    public static TwilioMessageJson Of(SandboxMessage m)
    {
        var uri = $"/{TwilioJson.ApiVersion}/Accounts/{m.AccountSid}/Messages/{m.Sid}";
        return new(
            m.Sid, m.AccountSid, m.To, m.From, m.MessagingServiceSid, m.Body, m.Status,
            NumSegments: m.NumSegments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NumMedia: "0",
            Direction: "outbound-api",
            TwilioJson.ApiVersion,
            TwilioJson.Date(m.CreatedAt),
            TwilioJson.Date(m.UpdatedAt),
            DateSent: m.Status == MessageStatus.Queued ? null : TwilioJson.Date(m.UpdatedAt),
            Uri: uri + ".json",
            m.ErrorCode,
            ErrorMessage: null,
            Price: null,
            PriceUnit: "USD",
            new Dictionary<string, string> { ["media"] = uri + "/Media.json" });
    }
}
