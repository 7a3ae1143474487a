namespace Notify.KakaoSandbox.Messages;

/// <summary>The per-message checks SOLAPI makes at registration; a failure lands in failedMessageList, not in an HTTP error.</summary>
internal static class MessageCheck
{
    /// <summary>The status code that refuses this message, or null when it is registered.</summary>
    public static string? Refusal(MessageRequest message, string to)
    {
        var kakao = message.KakaoOptions;
        if (to.Length == 0 || !to.All(char.IsAsciiDigit) || kakao is null
            || string.IsNullOrWhiteSpace(kakao.PfId) || string.IsNullOrWhiteSpace(kakao.TemplateId))
        {
            // The sandbox takes AlimTalk only: kakaoOptions with a pfId and a templateId.
            return SolapiCodes.Missing;
        }
        if (message.Type is { } type && !type.Equals("ATA", StringComparison.OrdinalIgnoreCase))
        {
            return SolapiCodes.WrongType;
        }
        return message.CustomFields?.Any(f => f.Key.Length > 30 || f.Value.Length > 100) == true
            ? SolapiCodes.BadCustomField
            : null;
    }

    /// <summary>The text the recipient reads: the given text, else the template's variables one per line.</summary>
    public static string Text(MessageRequest message) =>
        message.Text ?? string.Join("\n", (message.KakaoOptions?.Variables ?? []).Select(v => $"{v.Key}: {v.Value}"));
}
