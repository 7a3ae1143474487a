using Notify.Merchants;
using Notify.Orders;

namespace Notify.Channels.Templates;

/// <summary>
/// The AlimTalk confirmation: the template a merchant registers with Kakao (in the merchant's language, Korean or
/// English) and the values of its variables for one order. Kakao delivers only text that matches an approved template,
/// so Notify sends the variables and SOLAPI fills the template; <see cref="KakaoMessage.Text"/> is what the customer reads.
/// </summary>
public static class KakaoTemplates
{
    /// <summary>The Korean template to register, variables as <c>#{name}</c>.</summary>
    public const string Korean = """
        [#{shop}] 주문이 확인되었습니다.

        주문번호: #{orderNumber}
        주문내역: #{items}
        합계: #{total}
        수령: #{handover}
        """;

    /// <summary>The English template to register.</summary>
    public const string English = """
        [#{shop}] Your order is confirmed.

        Order number: #{orderNumber}
        Items: #{items}
        Total: #{total}
        Fulfillment: #{handover}
        """;

    // Kakao caps an AlimTalk at 1,000 characters; long orders are summarised well before that.
    private const int ItemsLength = 300;

    /// <summary>The template in <paramref name="language"/>.</summary>
    public static string Template(TemplateLanguage language) => language == TemplateLanguage.Korean ? Korean : English;

    /// <summary>The AlimTalk for <paramref name="order"/>, in the language of the merchant's template, times in its time zone.</summary>
    public static KakaoMessage Render(Merchant merchant, Order order)
    {
        var language = LanguageChoice.For(merchant.Locale);
        var words = Wordings.For(language);
        var lines = string.Join(", ", order.Items.Select(i => words.Line(i.Name, i.Quantity, words.Money(i.UnitPrice * i.Quantity, order.Currency))));
        var items = lines.Length <= ItemsLength
            ? lines
            : words.ItemSummary(SmsFit.Shorten(order.Items[0].Name, ItemsLength / 2), order.Items[0].Quantity, order.Items.Count - 1);
        var handover = order.Fulfillment is { } f
            ? words.Handover(f.Type, f.At is { } at ? words.LongTime(MerchantClock.Local(at, merchant.TimeZone)) : null)
            // A template's variable cannot be left out, only filled.
            : "-";
        var variables = new Dictionary<string, string>
        {
            ["shop"] = merchant.Name,
            ["orderNumber"] = order.OrderNumber,
            ["items"] = items,
            ["total"] = words.Money(order.Total, order.Currency),
            ["handover"] = handover,
        };
        var text = variables.Aggregate(Template(language), (t, v) => t.Replace($"#{{{v.Key}}}", v.Value, StringComparison.Ordinal));
        return new KakaoMessage(language, variables, text);
    }
}

/// <summary>An AlimTalk confirmation.</summary>
/// <param name="Language">The template's language.</param>
/// <param name="Variables">The template's variables by bare name.</param>
/// <param name="Text">The template filled in: what the customer reads.</param>
public sealed record KakaoMessage(TemplateLanguage Language, IReadOnlyDictionary<string, string> Variables, string Text);
