using Notify.Channels.Templates;
using Notify.Core.Tests.Channels.Support;
using Notify.Orders;

namespace Notify.Core.Tests.Channels.Templates;

public sealed class KakaoTemplatesTests
{
    [Fact]
    public void Korean_alimtalk_fills_the_registered_template_with_shop_order_items_total_and_pickup()
    {
        var message = KakaoTemplates.Render(Samples.Merchant(), Samples.Order());

        Assert.Equal(TemplateLanguage.Korean, message.Language);
        Assert.Equal("""
            [떡집] 주문이 확인되었습니다.

            주문번호: A-1001
            주문내역: 쑥떡 세트 × 2 (30,000원), 인절미 × 1 (8,000원)
            합계: 38,000원
            수령: 2026년 11월 29일 (일) 오전 10:00 픽업
            """, message.Text);
        Assert.Equal(["shop", "orderNumber", "items", "total", "handover"], message.Variables.Keys);
    }

    [Fact]
    public void The_template_is_the_merchants_language_whatever_the_customer_speaks()
    {
        var message = KakaoTemplates.Render(Samples.Merchant(locale: "en-US", name: "Tteok House"), Samples.Order(locale: "ko-KR"));

        Assert.Equal(TemplateLanguage.English, message.Language);
        Assert.StartsWith("[Tteok House] Your order is confirmed.", message.Text);
        Assert.Contains("Total: KRW 38,000", message.Text);
        Assert.Contains("Fulfillment: Pickup Sunday, November 29, 2026, 10:00 AM", message.Text);
    }

    [Fact]
    public void Every_variable_of_the_template_is_filled_even_without_a_fulfillment()
    {
        var order = Samples.Order() with { Fulfillment = null };

        var message = KakaoTemplates.Render(Samples.Merchant(), order);

        Assert.DoesNotContain("#{", message.Text);
        Assert.Equal("-", message.Variables["handover"]);
        Assert.All(message.Variables.Keys, name => Assert.Contains($"#{{{name}}}", KakaoTemplates.Korean));
        Assert.All(message.Variables.Keys, name => Assert.Contains($"#{{{name}}}", KakaoTemplates.English));
    }

    [Fact]
    public void A_long_order_is_summarised_by_its_first_item()
    {
        var items = Enumerable.Range(1, 40).Select(i => new OrderItem($"수제 찹쌀 떡 선물 세트 {i}호", 1, 30000)).ToArray();

        var message = KakaoTemplates.Render(Samples.Merchant(), Samples.Order(items: items));

        Assert.Equal("수제 찹쌀 떡 선물 세트 1호 외 39건", message.Variables["items"]);
    }
}
