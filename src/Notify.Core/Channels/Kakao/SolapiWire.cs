using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notify.Channels.Kakao;

/// <summary>The JSON SOLAPI's messages API v4 takes and answers, as far as Notify reads it.</summary>
internal static class SolapiWire
{
    /// <summary>The custom field that carries the attempt key.</summary>
    public const string AttemptField = "attempt";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body of POST /messages/v4/send-many/detail for one AlimTalk, SMS fallback off.</summary>
    public static SendRequest Request(AlimTalk message, string? from) => new(
        [
            new MessageRequest(
                message.To,
                string.IsNullOrEmpty(from) ? null : from,
                "ATA",
                "82",
                new KakaoOptions(
                    message.PfId,
                    message.TemplateId,
                    // SOLAPI's variables are keyed #{name}, as the template writes them.
                    message.Variables.ToDictionary(v => $"#{{{v.Key}}}", v => v.Value),
                    DisableSms: true),
                new Dictionary<string, string> { [AttemptField] = message.AttemptKey }),
        ],
        ShowMessageList: true);

    public sealed record SendRequest(IReadOnlyList<MessageRequest> Messages, bool ShowMessageList);

    public sealed record MessageRequest(
        string To, string? From, string Type, string Country, KakaoOptions KakaoOptions, IReadOnlyDictionary<string, string> CustomFields);

    public sealed record KakaoOptions(string PfId, string TemplateId, IReadOnlyDictionary<string, string> Variables, bool DisableSms);

    /// <summary>The answer of send-many/detail.</summary>
    public sealed record SendAnswer(IReadOnlyList<MessageAnswer>? FailedMessageList, IReadOnlyList<MessageAnswer>? MessageList);

    public sealed record MessageAnswer(string? MessageId, string? StatusCode, string? StatusMessage);

    /// <summary>SOLAPI's error body.</summary>
    public sealed record Error(string? ErrorCode, string? ErrorMessage);
}
