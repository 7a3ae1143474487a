using Notify.Channels.Sms;
using Notify.Channels.Templates;
using Notify.Core.Tests.Channels.Support;
using Notify.Orders;

namespace Notify.Core.Tests.Channels.Templates;

public sealed class ConfirmationTemplatesTests
{
    [Fact]
    public void Korean_sms_names_shop_order_items_and_seoul_pickup_time()
    {
        var message = ConfirmationTemplates.Render(Samples.Merchant(), Samples.Order());

        Assert.Equal(TemplateLanguage.Korean, message.Language);
        Assert.Equal("[떡집] 주문 A-1001 확인: 쑥떡 세트 외 1건, 11/29(일) 10:00 픽업", message.Sms);
        Assert.True(message.Sms.Length <= SmsSegments.Ucs2Single);
    }

    [Fact]
    public void English_sms_for_an_english_speaking_customer()
    {
        var order = Samples.Order(locale: "en-US", items: [new("Mugwort rice cake", 2, 15000), new("Injeolmi", 1, 8000)]);

        var message = ConfirmationTemplates.Render(Samples.Merchant(name: "Tteok House"), order);

        Assert.Equal(TemplateLanguage.English, message.Language);
        Assert.Equal("[Tteok House] Order A-1001 confirmed: Mugwort rice cake and 1 more. Pickup Sun Nov 29, 10:00 AM", message.Sms);
        Assert.True(SmsSegments.IsGsm7(message.Sms));
    }

    [Theory]
    [InlineData(null, "ko-KR", TemplateLanguage.Korean)]
    [InlineData(null, "en-US", TemplateLanguage.English)]
    [InlineData("ko", "en-US", TemplateLanguage.Korean)]
    [InlineData("ja-JP", "ko-KR", TemplateLanguage.Korean)]
    [InlineData("ja-JP", "fr-FR", TemplateLanguage.English)]
    public void Language_is_the_customers_else_the_merchants_else_english(string? customer, string merchant, TemplateLanguage expected) =>
        Assert.Equal(expected, ConfirmationTemplates.Render(Samples.Merchant(locale: merchant), Samples.Order(locale: customer)).Language);

    [Fact]
    public void Single_item_shows_its_quantity()
    {
        var message = ConfirmationTemplates.Render(Samples.Merchant(), Samples.Order(items: [new("쑥떡 세트", 3, 15000)]));

        Assert.Contains("쑥떡 세트 3개,", message.Sms);
    }

    [Fact]
    public void Long_item_name_is_shortened_to_keep_korean_sms_in_one_segment()
    {
        var item = new OrderItem(string.Concat(Enumerable.Repeat("수제 찹쌀 떡 선물 세트 ", 8)), 1, 30000);

        var message = ConfirmationTemplates.Render(Samples.Merchant(), Samples.Order(items: [item, new("인절미", 1, 8000)]));

        Assert.Equal(1, SmsSegments.Count(message.Sms));
        Assert.Contains("… 외 1건", message.Sms);
        Assert.StartsWith("[떡집] 주문 A-1001 확인: 수제 찹쌀 떡", message.Sms);
    }

    [Fact]
    public void Sms_never_takes_more_than_two_segments()
    {
        var merchant = Samples.Merchant(name: new string('가', 100));
        var order = Samples.Order(items: [new(new string('나', 200), 1, 1000)]) with { OrderNumber = new string('9', 64) };

        var message = ConfirmationTemplates.Render(merchant, order);

        Assert.True(SmsSegments.Count(message.Sms) <= 2, message.Sms);
        Assert.Contains(order.OrderNumber, message.Sms);
    }

    [Fact]
    public void Email_shows_the_utc_instant_as_seoul_wall_time()
    {
        var korean = ConfirmationTemplates.Render(Samples.Merchant(), Samples.Order()).Email;
        var english = ConfirmationTemplates.Render(Samples.Merchant(), Samples.Order(locale: "en")).Email;

        Assert.Contains("수령: 픽업, 2026년 11월 29일 (일) 오전 10:00", korean.Text);
        Assert.Contains("Fulfillment: Pickup, Sunday, November 29, 2026, 10:00 AM", english.Text);
    }

    [Fact]
    public void Time_follows_the_merchants_time_zone()
    {
        var merchant = Samples.Merchant() with { TimeZone = "America/Los_Angeles" };

        var message = ConfirmationTemplates.Render(merchant, Samples.Order());

        Assert.Contains("11/28(토) 17:00 픽업", message.Sms);
    }

    [Fact]
    public void Email_lists_items_total_and_note_in_text_and_html()
    {
        var email = ConfirmationTemplates.Render(Samples.Merchant(), Samples.Order()).Email;

        Assert.Equal("[떡집] 주문 확인 (A-1001)", email.Subject);
        Assert.StartsWith("김민지님, 떡집에서 주문을 확인했습니다.", email.Text);
        Assert.Contains("- 쑥떡 세트 × 2 (30,000원)\n- 인절미 × 1 (8,000원)\n", email.Text);
        Assert.Contains("합계: 38,000원", email.Text);
        Assert.Contains("요청사항: 문 앞에 놓아주세요", email.Text);
        Assert.Contains("쑥떡 세트 × 2 (30,000원)<br>인절미 × 1 (8,000원)", email.Html);
        Assert.Contains("<html lang=\"ko\">", email.Html);
    }

    [Fact]
    public void Email_html_encodes_everything_the_merchant_and_customer_wrote()
    {
        var merchant = Samples.Merchant(name: "<b>Shop</b>");
        var order = Samples.Order(name: "<i>민지</i>", note: "<script>alert(\"x\")</script>", items: [new("A & B <set>", 1, 1000)]);

        var email = ConfirmationTemplates.Render(merchant, order).Email;

        Assert.DoesNotContain("<script>", email.Html);
        Assert.DoesNotContain("<b>", email.Html);
        Assert.DoesNotContain("<i>", email.Html);
        Assert.Contains("&lt;script&gt;", email.Html);
        Assert.Contains("A &amp; B &lt;set&gt;", email.Html);
        Assert.Contains("<script>alert(\"x\")</script>", email.Text);
    }

    [Fact]
    public void Order_without_fulfillment_leaves_it_out()
    {
        var message = ConfirmationTemplates.Render(Samples.Merchant(), Samples.Order() with { Fulfillment = null });

        Assert.Equal("[떡집] 주문 A-1001 확인: 쑥떡 세트 외 1건", message.Sms);
        Assert.DoesNotContain("수령", message.Email.Text);
    }
}
