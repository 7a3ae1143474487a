using System.Text;
using Notify.Channels;
using Notify.Merchants;
using Notify.Merchants.Changes;

namespace Notify.Core.Tests.Merchants;

public sealed class MerchantPatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRegistry WithoutKakao = new([new FakeChannel("sms"), new FakeChannel("email"), new FakeChannel("webhook")]);
    private static readonly ChannelRegistry WithKakao = new([new FakeChannel("kakao"), new FakeChannel("sms"), new FakeChannel("email"), new FakeChannel("webhook")]);

    private static Merchant Shop() => new(
        "m_0123456789abcdef", "떡집", "KR", "Asia/Seoul", "ko-KR", ["sms", "email"], "+821099998888", "owner@example.com",
        null, "whsec_c2VjcmV0", "hash", Now.AddDays(-30));

    private static Notify.Common.Result<Merchant> Apply(string json, ChannelRegistry? channels = null, Merchant? merchant = null, IReadOnlySet<string>? fields = null)
    {
        var patch = MerchantPatch.Parse(Encoding.UTF8.GetBytes(json), fields ?? PatchFields.Operator);
        return patch.Problem is { } problem ? problem : patch.Value!.ApplyTo(merchant ?? Shop(), channels ?? WithoutKakao, Now);
    }

    [Fact]
    public void A_nested_null_removes_only_that_part_of_the_alert_contact()
    {
        var patched = Apply("""{"alertContact":{"phone":null}}""").Value!;

        Assert.Null(patched.AlertPhone);
        Assert.Equal("owner@example.com", patched.AlertEmail);
        Assert.Equal(Now, patched.UpdatedAt);
    }

    [Fact]
    public void Kakao_settings_merge_field_by_field_and_a_kakao_first_chain_needs_them()
    {
        var withKakao = Shop() with { Kakao = new KakaoSettings("KA01PF1", "KA01TP1") };

        Assert.Equal(new KakaoSettings("KA01PF1", "KA01TP2"), Apply("""{"kakao":{"templateId":"KA01TP2"}}""", merchant: withKakao).Value!.Kakao);
        Assert.Equal(["kakao", "sms"], Apply("""{"channels":["kakao","sms"]}""", WithKakao, withKakao).Value!.Channels);
        Assert.True(Apply("""{"channels":["kakao","sms"]}""", WithKakao).Problem!.Errors!.ContainsKey("channels"));
        Assert.True(Apply("""{"kakao":null}""", WithKakao, withKakao with { Channels = ["kakao", "sms"] }).Problem!.Errors!.ContainsKey("channels"));
    }

    [Fact]
    public void A_channel_this_deployment_does_not_run_is_refused()
    {
        var withKakao = Shop() with { Kakao = new KakaoSettings("KA01PF1", "KA01TP1") };

        Assert.True(Apply("""{"channels":["kakao","sms"]}""", WithoutKakao, withKakao).Problem!.Errors!.ContainsKey("channels"));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var problem = Apply("""{"name":"","locale":"xx-NOPE","active":1,"retentionDays":0}""").Problem!;

        Assert.Equal(["active", "locale", "name", "retentionDays"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public void A_merchant_may_not_switch_itself_off_or_rename_itself()
    {
        var problem = Apply("""{"active":false,"name":"x","locale":"en-US"}""", fields: PatchFields.Merchant).Problem!;

        Assert.Equal(422, problem.Status);
        Assert.Equal(["active", "name"], problem.Errors!.Keys.Order());
    }

    private sealed class FakeChannel(string name) : IChannel
    {
        public string Name => name;
        public bool CanReach(Merchant merchant, Notify.Orders.Customer customer) => true;
        public Task<SendResult> SendAsync(OutboundConfirmation confirmation, CancellationToken ct) => throw new NotSupportedException();
    }
}
