using Notify.Channels.Sms;
using Notify.Channels.Templates;
using Notify.Core.Tests.Channels.Support;
using Notify.Orders;

namespace Notify.Core.Tests.Channels.Templates;

public sealed class MerchantAlertTemplatesTests
{
    [Fact]
    public void Korean_alert_names_the_customer_and_both_contacts()
    {
        var alert = MerchantAlertTemplates.Render(Samples.Merchant(), "A-1001", Samples.Order().Customer);

        Assert.Equal("[Notify] 주문 A-1001: 김민지님에게 연락하지 못했습니다. 전화 +821012345678, 이메일 minji@example.com", alert.Sms);
        Assert.Equal("[Notify] 고객 연락 실패: 주문 A-1001", alert.Email.Subject);
        Assert.Contains("이메일: minji@example.com", alert.Email.Text);
    }

    [Fact]
    public void English_alert_says_which_contact_is_missing()
    {
        var alert = MerchantAlertTemplates.Render(Samples.Merchant(locale: "en-US"), "A-1001", new Customer("Jane", null, "jane@example.com", null));

        Assert.Equal("[Notify] Order A-1001: could not reach Jane. Phone none, e-mail jane@example.com.", alert.Sms);
    }

    [Fact]
    public void Alert_fits_two_segments_even_for_a_long_name()
    {
        var alert = MerchantAlertTemplates.Render(Samples.Merchant(), "A-1001", new Customer(new string('김', 100), Samples.Phone, "minji@example.com", null));

        Assert.True(SmsSegments.Count(alert.Sms) <= 2);
        Assert.Contains("minji@example.com", alert.Sms);
    }
}
