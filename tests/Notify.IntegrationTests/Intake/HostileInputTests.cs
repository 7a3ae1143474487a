using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;
using Notify.Signing;

namespace Notify.IntegrationTests.Intake;

/// <summary>What a hostile review sent: each is stored so that it fits, or refused with a 4xx that writes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputTests(NotifyApp app)
{
    public static TheoryData<string> WebhookIdAlphabets => ["/", "%", ":", "/%:?#\\", "한", "a"];

    [Theory]
    [MemberData(nameof(WebhookIdAlphabets))]
    public async Task Longest_webhook_id_of_any_characters_is_stored_and_replays_to_the_first_answer(string alphabet)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var id = string.Concat(Enumerable.Repeat(alphabet, 256))[..256];
        if (!id.All(char.IsAscii))
        {
            id = Uri.EscapeDataString(id)[..256];
        }
        var order = MerchantClient.SampleOrder().ToJsonString();

        using var first = await merchant.PostRawAsync(order, webhookId: id);
        using var replay = await merchant.PostRawAsync(order, webhookId: id);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal((await first.Content.ReadAsStringAsync()), await replay.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, int> RefusedOrders => new()
    {
        { "unit price overflows when doubled", "items[0].unitPrice=79228162514264337593543950335;total=79228162514264337593543950335", 422 },
        { "placed in the year 1000", "placedAt=\"1000-01-01T00:00:00Z\"", 422 },
        { "placed before 1601 by its offset", "placedAt=\"1601-01-01T05:00:00+14:00\"", 422 },
        { "hand-over in year 1", "fulfillment.at=\"0001-01-01T00:00:00Z\"", 422 },
        { "NUL in the name", "customer.name=\"김\\u0000민지\"", 422 },
        { "escape sequence in an item", "items[0].name=\"떡\\u001b[31m\"", 422 },
        { "bell in the note", "note=\"ding\\u0007\"", 422 },
        { "name of zero-width spaces", "customer.name=\"\\u200b\\u200b\"", 422 },
        { "right-to-left override", "customer.name=\"\\u202Eabc\"", 422 },
        { "line break in the order number", "orderNumber=\"A-1\\r\\nB\"", 422 },
    };

    [Theory]
    [MemberData(nameof(RefusedOrders))]
    public async Task Values_storage_cannot_hold_or_text_no_one_should_see_are_422_and_write_nothing(string why, string change, int status)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = MerchantClient.SampleOrder();
        foreach (var part in change.Split(';'))
        {
            var (path, value) = (part[..part.IndexOf('=')], JsonNode.Parse(part[(part.IndexOf('=') + 1)..]));
            var steps = path.Replace("[0]", ".0").Split('.');
            JsonNode node = order;
            foreach (var step in steps[..^1])
            {
                node = int.TryParse(step, out var i) ? node[i]! : node[step]!;
            }
            node[steps[^1]] = value;
        }

        using var response = await merchant.PostAsync(order);

        Assert.True((int)response.StatusCode == status, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status);
        Assert.Empty(await app.MerchantRowsAsync(merchant.Id));
    }

    [Fact]
    public async Task Line_breaks_in_a_note_are_stored_as_one_space()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = MerchantClient.SampleOrder();
        order["note"] = "문 앞에\r\n놓아주세요";

        var orderId = await merchant.PostOrderAsync(order);

        Assert.Equal("문 앞에 놓아주세요", (await merchant.ReadAsync(orderId))["note"]!.GetValue<string>());
    }

    public static TheoryData<string, string> AmbiguousBodies => new()
    {
        { "total twice", """{"total":30000,"total":1}""" },
        { "total in two cases", """{"total":30000,"Total":1}""" },
        { "phone twice", """{"customer":{"phone":"010-1234-5678","phone":"010-8765-4321"}}""" },
    };

    [Theory]
    [MemberData(nameof(AmbiguousBodies))]
    public async Task A_body_two_parsers_could_read_differently_is_400_and_writes_nothing(string why, string fragment)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        // The sample order with the ambiguous members appended inside the top-level object (or its customer).
        var order = MerchantClient.SampleOrder();
        var body = fragment.Contains("customer", StringComparison.Ordinal)
            ? order.ToJsonString().Replace("\"customer\":{", "\"customer\":{\"phone\":\"010-8765-4321\",", StringComparison.Ordinal)
            : order.ToJsonString()[..^1] + "," + fragment[1..];

        using var response = await merchant.PostRawAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(await app.MerchantRowsAsync(merchant.Id));
    }

    [Theory]
    [InlineData("+")]
    [InlineData("0")]
    [InlineData("00")]
    public async Task A_timestamp_header_other_than_the_signed_text_is_401_and_writes_nothing(string prefix)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var body = Encoding.UTF8.GetBytes(MerchantClient.SampleOrder().ToJsonString());
        var ts = app.Clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/merchants/{merchant.Id}/orders") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add("webhook-id", "msg_" + Guid.NewGuid().ToString("N"));
        request.Headers.TryAddWithoutValidation("webhook-timestamp", prefix + ts);
        request.Headers.Add("webhook-signature", StandardWebhook.Sign(merchant.WebhookSecret, request.Headers.GetValues("webhook-id").Single(), ts, body));

        using var response = await app.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await app.MerchantRowsAsync(merchant.Id));
    }

    public static TheoryData<string> BadTokens => new()
    {
        new string('A', 8000),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', 3000))),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("a b c")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("\u0001\u0002 /#?")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(" ")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("1!order|x 1!x")),
        "!!!", "%00", "a",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_continuation_token_not_made_here_is_400_on_every_listing(string token)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await merchant.PostOrderAsync(MerchantClient.SampleOrder());
        var query = "continuationToken=" + Uri.EscapeDataString(token);

        foreach (var path in new[] { $"/api/merchants/{merchant.Id}/orders?{query}", $"/api/merchants/{merchant.Id}/customers?{query}" })
        {
            using var response = await merchant.GetAsync(path);
            Assert.True((int)response.StatusCode is 400 or 200, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("x/y#z.abc.1")]
    [InlineData("m_0000000000000000.x/y.1")]
    [InlineData("m_0000000000000000.0193a1b2c3d4e5f60718293a4b5c6d7e.99999999999")]
    [InlineData("....")]
    public async Task A_signed_receipt_naming_no_possible_attempt_changes_nothing_and_is_not_an_error(string attempt)
    {
        using var response = await TwilioSignature.PostReceiptAsync(app, attempt, "delivered", "SM" + Guid.NewGuid().ToString("N"), NotifyApp.TwilioAuthToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
