using System.Globalization;
using Notify.Intake;

namespace Notify.Channels.Templates;

/// <summary>Korean: short SMS, dates as Koreans write them (11/29(일) 10:00, 오전/오후 in e-mail).</summary>
internal sealed class KoreanWording : IWording
{
    public static readonly KoreanWording Instance = new();

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("ko-KR");

    public string Code => "ko";

    public string ItemSummary(string first, int quantity, int others) =>
        others > 0 ? $"{first} 외 {others}건" : quantity > 1 ? $"{first} {quantity}개" : first;

    public string Fulfillment(string type) => type switch
    {
        "pickup" => "픽업",
        "delivery" => "배달",
        "dine-in" => "매장 식사",
        "shipping" => "배송",
        _ => type,
    };

    public string ShortTime(DateTime local) => local.ToString("M'/'d'('ddd')' HH':'mm", Culture);

    public string LongTime(DateTime local) => local.ToString("yyyy'년' M'월' d'일' '('ddd')' tt h':'mm", Culture);

    public string Money(decimal amount, string currency) => currency == "KRW"
        ? amount.ToString("N0", Culture) + "원"
        : $"{amount.ToString("N" + Currencies.MinorDigits(currency), Culture)} {currency}";

    public string Line(string item, int quantity, string amount) => $"{item} × {quantity} ({amount})";

    public string Handover(string type, string? time) => time is null ? Fulfillment(type) : $"{time} {Fulfillment(type)}";

    public string Sms(string shop, string orderNumber, string items, string? fulfillment) =>
        $"[{shop}] 주문 {orderNumber} 확인: {items}" + (fulfillment is null ? "" : $", {fulfillment}");

    public string Subject(string shop, string orderNumber) => $"[{shop}] 주문 확인 ({orderNumber})";

    public string Greeting(string customer, string shop) => $"{customer}님, {shop}에서 주문을 확인했습니다.";

    public ConfirmationLabels Labels { get; } = new("주문번호", "주문 내역", "합계", "수령", "요청사항", "고객", "전화", "이메일", "없음");

    public string Footer => "이 메일은 발신 전용입니다.";

    public string AlertSms(string customer, string orderNumber, string? phone, string? email) =>
        $"[Notify] 주문 {orderNumber}: {customer}님에게 연락하지 못했습니다. 전화 {phone ?? Labels.None}, 이메일 {email ?? Labels.None}";

    public string AlertSubject(string orderNumber) => $"[Notify] 고객 연락 실패: 주문 {orderNumber}";
}
