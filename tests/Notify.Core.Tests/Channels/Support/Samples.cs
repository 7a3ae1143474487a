using Notify.Channels;
using Notify.Common;
using Notify.Merchants;
using Notify.Orders;
using Notify.Signing;

namespace Notify.Core.Tests.Channels.Support;

/// <summary>A Korean merchant and order as the channels receive them.</summary>
internal static class Samples
{
    public const string Phone = "+821012345678";

    /// <summary>2026-11-29 10:00 in Seoul (UTC+9).</summary>
    public static readonly DateTimeOffset PickupAt = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    public static Merchant Merchant(string? webhookUrl = null, string locale = "ko-KR", string name = "떡집") => new(
        "m_0123456789abcdef", name, "KR", "Asia/Seoul", locale, ["sms", "email", "webhook"],
        "+821099998888", "owner@example.com", webhookUrl, StandardWebhook.NewSecret(), "hash", PickupAt.AddDays(-30));

    public static Order Order(
        string? phone = Phone,
        string? email = "minji@example.com",
        string? locale = "ko-KR",
        string name = "김민지",
        string? note = "문 앞에 놓아주세요",
        params OrderItem[] items) => new(
        "A-1001",
        PickupAt.AddDays(-1),
        new Customer(name, phone, email, locale),
        items.Length > 0 ? items : [new("쑥떡 세트", 2, 15000), new("인절미", 1, 8000)],
        items.Length > 0 ? items.Sum(i => i.Quantity * i.UnitPrice) : 38000,
        "KRW",
        new Fulfillment("pickup", PickupAt),
        note);

    public static OutboundConfirmation Confirmation(Order? order = null, Merchant? merchant = null, int attempt = 1) =>
        new(merchant ?? Merchant(), Ids.NewTimeOrdered(DateTimeOffset.UtcNow), order ?? Order(), attempt);
}
