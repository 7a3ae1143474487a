using System.Net;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Intake;

/// <summary>Every rejected order gets a problem, a 4xx, and leaves no trace in the merchant's tables.</summary>
[Collection(AppCollection.Name)]
public sealed class BadOrderTests(NotifyApp app)
{
    public static TheoryData<string, int, string?> InvalidFields => new()
    {
        { "orderNumber=null", 422, "orderNumber" },
        { "orderNumber=", 422, "orderNumber" },
        { "orderNumber=" + new string('x', 65), 422, "orderNumber" },
        { "placedAt=null", 422, "placedAt" },
        { "placedAt=2099-01-01T00:00:00Z", 422, "placedAt" },
        { "placedAt=yesterday", 422, "placedAt" },
        { "customer=null", 422, "customer" },
        { "customer.name=", 422, "customer.name" },
        { "customer.phone=12", 422, "customer.phone" },
        { "customer.phone=010-1234", 422, "customer.phone" },
        { "customer.phone=null;customer.email=null", 422, "customer" },
        { "customer.email=not-an-email", 422, "customer.email" },
        { "customer.email=a@b", 422, "customer.email" },
        { "customer.locale=xx-NOPE", 422, "customer.locale" },
        { "items=null", 422, "items" },
        { "items=[]", 422, "items" },
        { "items[0].name=", 422, "items[0].name" },
        { "items[0].quantity=0", 422, "items[0].quantity" },
        { "items[0].quantity=-1", 422, "items[0].quantity" },
        { "items[0].quantity=1.5", 422, "items[0].quantity" },
        { "items[0].unitPrice=0", 422, "items[0].unitPrice" },
        { "items[0].unitPrice=-100", 422, "items[0].unitPrice" },
        { "items[0].unitPrice=15000.5", 422, "items[0].unitPrice" },
        { "total=29999", 422, "total" },
        { "total=-1", 422, "total" },
        { "total=\"30000\"", 422, "total" },
        { "total=null", 422, "total" },
        { "currency=null", 422, "currency" },
        { "currency=WON", 422, "currency" },
        { "fulfillment.type=teleport", 422, "fulfillment.type" },
        { "note=" + new string('n', 501), 422, "note" },
        { "customer=\"김민지\"", 422, "customer" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Invalid_field_is_a_422_at_its_path_and_writes_nothing(string change, int status, string? path)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = MerchantClient.SampleOrder();
        foreach (var part in change.Split(';'))
        {
            Apply(order, part);
        }
        using var response = await merchant.PostAsync(order);

        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status, path);
        await AssertNothingWrittenAsync(merchant);
    }

    public static TheoryData<string, string, int> BadBodies => new()
    {
        { "truncated JSON", "{\"orderNumber\": \"A-1\", ", 400 },
        { "not JSON", "orderNumber=A-1", 400 },
        { "an array", "[1,2,3]", 400 },
        { "empty", "", 400 },
        { "a bare string", "\"order\"", 400 },
        { "too large", "{\"note\":\"" + new string('x', 70_000) + "\"}", 413 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Unreadable_body_is_rejected_and_writes_nothing(string why, string body, int status)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostRawAsync(body);

        Assert.True((int)response.StatusCode == status, why);
        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status);
        await AssertNothingWrittenAsync(merchant);
    }

    [Fact]
    public async Task Unsigned_order_is_401_and_writes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), sign: false);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertNothingWrittenAsync(merchant);
    }

    [Fact]
    public async Task Order_signed_with_another_secret_is_401_and_writes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var other = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), secret: other.WebhookSecret);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertNothingWrittenAsync(merchant);
    }

    [Fact]
    public async Task Stale_timestamp_is_401_and_writes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), timestamp: DateTimeOffset.UtcNow.AddMinutes(-6));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertNothingWrittenAsync(merchant);
    }

    [Fact]
    public async Task Future_timestamp_is_401_and_writes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), timestamp: DateTimeOffset.UtcNow.AddMinutes(6));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertNothingWrittenAsync(merchant);
    }

    [Fact]
    public async Task Order_for_unknown_merchant_is_401_like_a_bad_signature()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var unknown = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), merchantId: "m_0000000000000000");
        using var badSignature = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), secret: "whsec_" + Convert.ToBase64String(new byte[32]));

        var a = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        var b = await ProblemAssert.IsProblemAsync(badSignature, HttpStatusCode.Unauthorized);
        Assert.Equal(b["detail"]!.GetValue<string>(), a["detail"]!.GetValue<string>());
        Assert.Empty(await app.MerchantRowsAsync("m_0000000000000000"));
    }

    [Fact]
    public async Task Form_encoded_order_is_415_and_writes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), contentType: "application/x-www-form-urlencoded");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNothingWrittenAsync(merchant);
    }

    [Fact]
    public async Task Overlong_webhook_id_is_400_and_writes_nothing()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), webhookId: new string('w', 300));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        await AssertNothingWrittenAsync(merchant);
    }

    private async Task AssertNothingWrittenAsync(MerchantClient merchant)
    {
        Assert.Empty(await app.MerchantRowsAsync(merchant.Id));
        Assert.Empty(await app.DeadlinesAsync(merchant.Id));
    }

    // "path=value": value is JSON when it parses, else a string; "null" removes nothing but sets null.
    private static void Apply(JsonObject order, string change)
    {
        var (path, raw) = (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(raw);
        }
        catch (System.Text.Json.JsonException)
        {
            value = JsonValue.Create(raw);
        }
        var parts = path.Replace("[0]", ".0").Split('.');
        JsonNode node = order;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }
        if (int.TryParse(parts[^1], out var index))
        {
            node[index] = value;
        }
        else
        {
            node[parts[^1]] = value;
        }
    }
}
