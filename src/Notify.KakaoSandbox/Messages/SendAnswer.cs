namespace Notify.KakaoSandbox.Messages;

/// <summary>
/// The answer of send-many/detail: failedMessageList, groupInfo and, when asked for, messageList. The SDK reads
/// groupInfo.count and failedMessageList; groupInfo carries every field of the SDK's groupMessageResponseSchema.
/// </summary>
internal static class SendAnswer
{
    private static readonly string[] MessageTypes =
        ["sms", "lms", "mms", "ata", "cta", "cti", "nsa", "rcs_sms", "rcs_lms", "rcs_mms", "rcs_tpl"];

    public static object Of(
        string groupId, string accountId, IReadOnlyList<MessageResult> accepted, IReadOnlyList<MessageResult> failed,
        bool allowDuplicates, bool showMessageList, DateTimeOffset now)
    {
        var total = accepted.Count + failed.Count;
        var date = SolapiJson.Date(now);
        var groupInfo = new
        {
            count = new
            {
                total,
                sentTotal = 0,
                sentFailed = 0,
                sentSuccess = 0,
                sentPending = accepted.Count,
                sentReplacement = 0,
                refund = 0,
                registeredFailed = failed.Count,
                registeredSuccess = accepted.Count,
            },
            countForCharge = MessageTypes.ToDictionary(
                t => t, t => t == "ata" && accepted.Count > 0 ? new Dictionary<string, int> { ["82"] = accepted.Count } : []),
            balance = Cash(),
            point = Cash(),
            app = new { profit = MessageTypes.ToDictionary(t => t, _ => 0), appId = (string?)null },
            log = new[] { new Dictionary<string, object> { ["createAt"] = date, ["message"] = "메시지 그룹이 생성되었습니다." } },
            status = accepted.Count > 0 ? "SENDING" : "FAILED",
            allowDuplicates,
            isRefunded = false,
            accountId,
            masterAccountId = (string?)null,
            apiVersion = "4",
            groupId,
            price = new Dictionary<string, object>(),
            dateCreated = date,
            dateUpdated = date,
            scheduledDate = (string?)null,
            dateSent = accepted.Count > 0 ? date : null,
            dateCompleted = (string?)null,
        };
        var answer = new Dictionary<string, object> { ["failedMessageList"] = failed, ["groupInfo"] = groupInfo };
        if (showMessageList)
        {
            answer["messageList"] = accepted;
        }
        return answer;
    }

    private static object Cash() => new { requested = 0, replacement = 0, refund = 0, sum = 0 };
}

/// <summary>One message in messageList or failedMessageList.</summary>
internal sealed record MessageResult(
    string To,
    string From,
    string Type,
    string Country,
    string MessageId,
    string StatusCode,
    string StatusMessage,
    string AccountId,
    IReadOnlyDictionary<string, string> CustomFields);
