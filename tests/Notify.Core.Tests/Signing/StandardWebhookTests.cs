using System.Text;
using Notify.Signing;

namespace Notify.Core.Tests.Signing;

public sealed class StandardWebhookTests
{
    // The published test vector of the Standard Webhooks specification.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Signs_the_specification_vector()
    {
        Assert.Equal(Expected, StandardWebhook.Sign(Secret, Id, Timestamp, Body));
    }

    [Fact]
    public void Verifies_the_specification_vector()
    {
        Assert.Equal(WebhookVerdict.Valid, StandardWebhook.Verify(Secret, Id, "1614265330", Expected, Body, SentAt));
    }

    [Fact]
    public void Any_one_valid_signature_in_the_list_passes()
    {
        var header = $"v1,Zm9vYmFy v2,abc {Expected}";
        Assert.Equal(WebhookVerdict.Valid, StandardWebhook.Verify(Secret, Id, "1614265330", header, Body, SentAt));
    }

    [Theory]
    [InlineData(null, "1614265330", Expected, WebhookVerdict.MissingHeaders)]
    [InlineData(Id, null, Expected, WebhookVerdict.MissingHeaders)]
    [InlineData(Id, "1614265330", null, WebhookVerdict.MissingHeaders)]
    [InlineData(Id, "1614265330", "", WebhookVerdict.MissingHeaders)]
    [InlineData(Id, "yesterday", Expected, WebhookVerdict.BadTimestamp)]
    [InlineData(Id, "1614265331", Expected, WebhookVerdict.NoMatch)]
    [InlineData("msg_other", "1614265330", Expected, WebhookVerdict.NoMatch)]
    [InlineData(Id, "1614265330", "v1,not-base64!", WebhookVerdict.NoMatch)]
    [InlineData(Id, "1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookVerdict.NoMatch)]
    [InlineData(Id, "1614265330", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookVerdict.NoMatch)]
    public void Rejects_what_does_not_match(string? id, string? timestamp, string? signature, WebhookVerdict verdict)
    {
        Assert.Equal(verdict, StandardWebhook.Verify(Secret, id, timestamp, signature, Body, SentAt));
    }

    [Fact]
    public void Rejects_a_changed_body()
    {
        var changed = Encoding.UTF8.GetBytes("{\"test\": 2432232315}");
        Assert.Equal(WebhookVerdict.NoMatch, StandardWebhook.Verify(Secret, Id, "1614265330", Expected, changed, SentAt));
    }

    [Fact]
    public void Rejects_another_secret()
    {
        Assert.Equal(WebhookVerdict.NoMatch, StandardWebhook.Verify(StandardWebhook.NewSecret(), Id, "1614265330", Expected, Body, SentAt));
    }

    [Theory]
    [InlineData(-301, WebhookVerdict.StaleTimestamp)]
    [InlineData(-299, WebhookVerdict.Valid)]
    [InlineData(299, WebhookVerdict.Valid)]
    [InlineData(301, WebhookVerdict.StaleTimestamp)]
    public void Allows_five_minutes_either_way(int offsetSeconds, WebhookVerdict verdict)
    {
        var now = SentAt.AddSeconds(-offsetSeconds);
        Assert.Equal(verdict, StandardWebhook.Verify(Secret, Id, "1614265330", Expected, Body, now));
    }

    [Fact]
    public void Absurd_timestamps_are_stale_not_a_crash()
    {
        Assert.Equal(WebhookVerdict.StaleTimestamp, StandardWebhook.Verify(Secret, Id, long.MaxValue.ToString(), Expected, Body, SentAt));
    }

    [Fact]
    public void New_secrets_round_trip()
    {
        var secret = StandardWebhook.NewSecret();
        var signature = StandardWebhook.Sign(secret, "msg_1", Timestamp, Body);

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(WebhookVerdict.Valid, StandardWebhook.Verify(secret, "msg_1", "1614265330", signature, Body, SentAt));
    }
}
