using Notify.Channels.Sms;
using Notify.Channels.Templates;
using Notify.Merchants;

namespace Notify.Broadcasts;

/// <summary>The words around a merchant's notice: the shop's name first, its callback number last, in ko or en.</summary>
public static class BroadcastText
{
    /// <summary>The most SMS segments a notice may take, as for confirmations.</summary>
    public const int MaxSegments = SmsFit.MaxSegments;

    /// <summary>The whole text one customer gets.</summary>
    public static string Compose(Merchant merchant, string message, TemplateLanguage language)
    {
        var callback = merchant.AlertPhone is { Length: > 0 } phone
            ? language == TemplateLanguage.Korean ? $" 문의 {phone}" : $" Call {phone}"
            : "";
        return $"[{merchant.Name}] {message.Trim()}{callback}";
    }

    /// <summary>The e-mail subject.</summary>
    public static string Subject(Merchant merchant, TemplateLanguage language) =>
        language == TemplateLanguage.Korean ? $"[{merchant.Name}] 안내" : $"Notice from {merchant.Name}";

    /// <summary>Why <paramref name="message"/> cannot be sent, or null: every wording must fit <see cref="MaxSegments"/> SMS segments.</summary>
    public static string? TooLong(Merchant merchant, string message)
    {
        var longest = Enum.GetValues<TemplateLanguage>().Select(l => Compose(merchant, message, l)).MaxBy(SmsSegments.Count)!;
        var segments = SmsSegments.Count(longest);
        return segments <= MaxSegments
            ? null
            : $"With the shop's name and callback number the message takes {segments} SMS segments; the limit is {MaxSegments} "
              + $"({MaxSegments * 67} characters of Korean or other non-GSM text, {MaxSegments * 153} of plain GSM-7 text), this one is {longest.Length} characters.";
    }
}
