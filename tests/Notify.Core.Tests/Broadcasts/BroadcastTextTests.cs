using Notify.Broadcasts;
using Notify.Channels.Templates;
using Notify.Merchants;

namespace Notify.Core.Tests.Broadcasts;

public sealed class BroadcastTextTests
{
    private static readonly Merchant Shop = new("m_1", "쑥떡집", "KR", "Asia/Seoul", "ko-KR", ["sms", "email"], "+821099990000", null, null, "whsec_x", "hash", DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_text_carries_the_shop_name_first_and_the_callback_number_last()
    {
        Assert.Equal("[쑥떡집] 오늘 휴무입니다 문의 +821099990000", BroadcastText.Compose(Shop, " 오늘 휴무입니다 ", TemplateLanguage.Korean));
        Assert.Equal("[쑥떡집] Closed today Call +821099990000", BroadcastText.Compose(Shop, "Closed today", TemplateLanguage.English));
        Assert.Equal("[쑥떡집] Closed today", BroadcastText.Compose(Shop with { AlertPhone = null }, "Closed today", TemplateLanguage.English));
    }

    [Fact]
    public void A_message_over_two_segments_states_the_limit()
    {
        Assert.Null(BroadcastText.TooLong(Shop, new string('가', 100)));
        Assert.Contains("the limit is 2", BroadcastText.TooLong(Shop, new string('가', 120)), StringComparison.Ordinal);
    }
}
