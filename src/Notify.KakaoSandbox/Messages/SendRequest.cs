using System.Text.Json;

namespace Notify.KakaoSandbox.Messages;

/// <summary>The body of POST /messages/v4/send-many/detail as the SDK's <c>send</c> writes it.</summary>
internal sealed record SendRequest(
    IReadOnlyList<MessageRequest>? Messages,
    bool? AllowDuplicates,
    bool? ShowMessageList,
    JsonElement? Agent,
    string? ScheduledDate);

/// <summary>One message; <c>to</c> may be one number or a list of numbers.</summary>
internal sealed record MessageRequest(
    JsonElement? To,
    string? From,
    string? Text,
    string? Type,
    string? Country,
    KakaoOptionsRequest? KakaoOptions,
    Dictionary<string, string>? CustomFields)
{
    public IReadOnlyList<string> Recipients() => To switch
    {
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        _ => [""],
    };
}

/// <summary><c>kakaoOptions</c>: the channel (pfId), the approved template and its variables (<c>#{name}</c> keys).</summary>
internal sealed record KakaoOptionsRequest(
    string? PfId,
    string? TemplateId,
    Dictionary<string, string>? Variables,
    bool? DisableSms);
