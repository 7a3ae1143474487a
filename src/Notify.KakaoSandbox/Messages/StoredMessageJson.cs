namespace Notify.KakaoSandbox.Messages;

/// <summary>A message as SOLAPI lists it (the fields of the SDK's storedMessageSchema, nulls written).</summary>
internal static class StoredMessageJson
{
    public static Dictionary<string, object?> Of(SandboxMessage m, string accountId)
    {
        var reported = m.StatusCode is SolapiCodes.Accepted or SolapiCodes.Sending ? null : SolapiJson.Date(m.UpdatedAt);
        return new()
        {
            ["_id"] = m.MessageId,
            ["messageId"] = m.MessageId,
            ["groupId"] = m.GroupId,
            ["accountId"] = accountId,
            ["type"] = "ATA",
            ["to"] = m.RawTo,
            ["from"] = m.From,
            ["text"] = m.Text,
            ["imageId"] = null,
            ["subject"] = null,
            ["country"] = m.Country,
            ["status"] = m.Status,
            ["statusCode"] = m.StatusCode,
            ["reason"] = m.StatusCode is SolapiCodes.Accepted or SolapiCodes.Sending or SolapiCodes.Delivered ? null : SolapiCodes.Describe(m.StatusCode),
            ["networkName"] = "KAKAO",
            ["networkCode"] = null,
            ["customFields"] = m.CustomFields,
            ["kakaoOptions"] = new Dictionary<string, object?>
            {
                ["pfId"] = m.PfId,
                ["templateId"] = m.TemplateId,
                ["variables"] = m.Variables,
                ["disableSms"] = m.DisableSms,
            },
            ["autoTypeDetect"] = true,
            ["replacement"] = false,
            ["resendCount"] = 0,
            ["dateCreated"] = SolapiJson.Date(m.CreatedAt),
            ["dateUpdated"] = SolapiJson.Date(m.UpdatedAt),
            ["dateProcessed"] = m.StatusCode == SolapiCodes.Accepted ? null : SolapiJson.Date(m.UpdatedAt),
            ["dateReceived"] = m.StatusCode == SolapiCodes.Delivered ? reported : null,
            ["dateReported"] = reported,
            ["log"] = Array.Empty<object>(),
            ["clusterKey"] = null,
        };
    }
}
