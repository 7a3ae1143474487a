using System.Text.Json;
using Notify.Channels;
using Notify.Channels.Kakao;

namespace Notify.Core.Tests.Channels.Kakao;

public sealed class KakaoListingTests
{
    [Theory]
    [InlineData("2000", KakaoResultStatus.Pending, false)]
    [InlineData("3000", KakaoResultStatus.Pending, false)]
    [InlineData("4000", KakaoResultStatus.Delivered, false)]
    [InlineData("3104", KakaoResultStatus.Failed, true)]
    [InlineData("3107", KakaoResultStatus.Failed, true)]
    [InlineData("3103", KakaoResultStatus.Failed, true)]
    [InlineData("3105", KakaoResultStatus.Failed, true)]
    [InlineData("3024", KakaoResultStatus.Failed, false)]
    [InlineData("3040", KakaoResultStatus.Failed, false)]
    [InlineData("3999", KakaoResultStatus.Failed, false)]
    public void A_listed_status_code_becomes_a_receipt_for_its_attempt(string code, KakaoResultStatus status, bool recipientProblem)
    {
        var receipt = Assert.Single(KakaoListing.Parse(Listing(code, """{ "attempt": "m_0123456789abcdef.0193a1b2c3d47000800000000000002a.3" }""")));

        Assert.Equal(new AttemptKey("m_0123456789abcdef", "0193a1b2c3d47000800000000000002a", 3), receipt.Attempt);
        Assert.Equal(("M4V20261201000000ABCDEFGHIJKLMNO", status, code, recipientProblem),
            (receipt.MessageId, receipt.Status, receipt.StatusCode, receipt.RecipientProblem));
        Assert.Equal(status == KakaoResultStatus.Failed, receipt.Error is not null);
    }

    [Fact]
    public void A_failure_names_its_code_and_meaning_but_not_solapis_own_words()
    {
        var receipt = Assert.Single(KakaoListing.Parse(Listing("3104", "{}")));

        Assert.Equal("kakao.undelivered: KakaoTalk not delivered: 3104 (not a KakaoTalk user).", receipt.Error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{ "attempt": "not-a-key" }""")]
    public void A_message_without_an_attempt_key_has_no_attempt(string customFields)
    {
        Assert.Null(Assert.Single(KakaoListing.Parse(Listing("4000", customFields))).Attempt);
    }

    [Fact]
    public void A_message_listed_without_a_status_code_has_no_result_yet()
    {
        // Not a failure: reading it as one would count against kakao and send the customer a second message.
        var receipt = Assert.Single(KakaoListing.Parse("""{ "messageList": { "M4V1": { "messageId": "M4V1", "customFields": {} } } }"""));

        Assert.Equal((KakaoResultStatus.Pending, false, null), (receipt.Status, receipt.RecipientProblem, receipt.Error));
    }

    [Fact]
    public void An_empty_listing_has_no_receipts()
    {
        Assert.Empty(KakaoListing.Parse("""{ "startKey": null, "limit": 20, "messageList": {} }"""));
    }

    [Theory]
    [InlineData("""{ "limit": 20 }""")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void Something_other_than_a_listing_is_refused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => KakaoListing.Parse(json));
    }

    private static string Listing(string statusCode, string customFields) => $$"""
        {
          "startKey": null, "nextKey": null, "limit": 20,
          "messageList": {
            "M4V20261201000000ABCDEFGHIJKLMNO": {
              "messageId": "M4V20261201000000ABCDEFGHIJKLMNO", "groupId": "G4V20261201000000ABCDEFGHIJKLMNO", "type": "ATA",
              "to": "01012345678", "country": "82", "status": "COMPLETE", "statusCode": "{{statusCode}}",
              "reason": {{(statusCode == "3104" ? "\"카카오톡 미사용자\"" : "null")}}, "customFields": {{customFields}}
            }
          }
        }
        """;
}
