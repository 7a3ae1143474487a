using System.Text.Json;

namespace Notify.Channels.Kakao;

/// <summary>
/// Reads SOLAPI's message listing (GET /messages/v4/list: <c>{ "messageList": { "M4V…": { "statusCode", "reason",
/// "customFields" } } }</c>) into receipts. The listing answers Notify's own signed request, so there is no
/// signature of SOLAPI's to check.
/// </summary>
public static class KakaoListing
{
    /// <summary>Every message in the listing; empty when it has none. Throws <see cref="JsonException"/> when it is not a listing.</summary>
    public static IReadOnlyList<KakaoReceipt> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("messageList", out var list) || list.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A SOLAPI message listing has a messageList object.");
        }
        return [.. list.EnumerateObject().Select(m => Receipt(m.Name, m.Value))];
    }

    private static KakaoReceipt Receipt(string id, JsonElement message)
    {
        var attempt = message.TryGetProperty("customFields", out var fields) && fields.ValueKind == JsonValueKind.Object
            && fields.TryGetProperty(SolapiWire.AttemptField, out var key) && key.ValueKind == JsonValueKind.String
            ? AttemptKey.Parse(key.GetString())
            : null;
        var messageId = Text(message, "messageId") ?? id;
        // A message listed without a status code has no result yet: the poll deadline decides if none ever comes.
        return Text(message, "statusCode") is { Length: > 0 } code
            ? KakaoReceipt.Of(attempt, messageId, code, Text(message, "reason"))
            : new KakaoReceipt(attempt, messageId, KakaoResultStatus.Pending, "", Error: null, RecipientProblem: false);
    }

    private static string? Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
