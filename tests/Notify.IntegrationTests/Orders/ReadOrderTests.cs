using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Orders;

[Collection(AppCollection.Name)]
public sealed class ReadOrderTests(NotifyApp app)
{
    [Fact]
    public async Task Merchant_reads_back_the_order_it_posted()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var orderId = await PostAsync(merchant, MerchantClient.SampleOrder("A-1001"));

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders/{orderId}");
        var order = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A-1001", order["orderNumber"]!.GetValue<string>());
        Assert.Equal("+821012345678", order["customer"]!["phone"]!.GetValue<string>());
        Assert.Equal("김민지", order["customer"]!["name"]!.GetValue<string>());
        Assert.Equal(30000, order["total"]!.GetValue<decimal>());
        Assert.Equal("쑥떡 세트", order["items"]![0]!["name"]!.GetValue<string>());
        Assert.NotNull(order["confirmation"]!["status"]);
    }

    [Fact]
    public async Task Another_merchants_key_cannot_read_an_order()
    {
        var owner = await MerchantClient.CreateAsync(app);
        var other = await MerchantClient.CreateAsync(app);
        var orderId = await PostAsync(owner, MerchantClient.SampleOrder());

        using var withOtherKey = await owner.GetAsync($"/api/merchants/{owner.Id}/orders/{orderId}", key: other.ApiKey);
        using var underOtherMerchant = await other.GetAsync($"/api/merchants/{other.Id}/orders/{orderId}");
        using var unknownMerchant = await other.GetAsync($"/api/merchants/m_ffffffffffffffff/orders/{orderId}");

        var denied = await ProblemAssert.IsProblemAsync(withOtherKey, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(underOtherMerchant, HttpStatusCode.NotFound);
        var unknown = await ProblemAssert.IsProblemAsync(unknownMerchant, HttpStatusCode.Unauthorized);
        Assert.Equal(denied["detail"]!.ToString(), unknown["detail"]!.ToString());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task Unknown_order_is_404(string orderId)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders/{orderId}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Orders_are_listed_in_pages_with_a_continuation_token()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add(await PostAsync(merchant, MerchantClient.SampleOrder($"P-{i}")));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = $"/api/merchants/{merchant.Id}/orders?limit=2" + (token is null ? "" : $"&continuationToken={token}");
            using var response = await merchant.GetAsync(path);
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            seen.AddRange(page["items"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(posted, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Listing_filters_by_accepted_time_window_and_status()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await PostAsync(merchant, MerchantClient.SampleOrder());
        var later = await PostAsync(merchant, MerchantClient.SampleOrder());
        using var read = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders/{later}");
        var acceptedAt = (await read.Content.ReadFromJsonAsync<JsonObject>())!["acceptedAt"]!.GetValue<DateTimeOffset>();

        // The first order was stored several storage round trips earlier, so in an earlier millisecond.
        var from = Uri.EscapeDataString(acceptedAt.ToString("O"));
        using var window = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?from={from}");
        var items = (await window.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        Assert.Equal(later, Assert.Single(items)!["orderId"]!.GetValue<string>());

        using var exhausted = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?status=exhausted");
        Assert.Empty((await exhausted.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("status=lost", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    public async Task Bad_listing_query_is_400(string query, string path)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, path);
    }

    [Fact]
    public async Task Forged_continuation_token_is_400()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?continuationToken=%%%");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("?format=csv", null)]
    [InlineData("", "text/csv")]
    public async Task Orders_export_as_csv_with_bom_and_survive_korean_commas_and_quotes(string query, string? accept)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = MerchantClient.SampleOrder("C-1");
        order["note"] = "문 앞에, \"조심히\" 놓아주세요";
        await PostAsync(merchant, order);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders{query}", accept: accept);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var rows = Csv.Parse(text);
        Assert.Equal(2, rows.Count);
        var note = rows[0].IndexOf("note");
        Assert.Equal("문 앞에, \"조심히\" 놓아주세요", rows[1][note]);
        Assert.Equal("김민지", rows[1][rows[0].IndexOf("customerName")]);
    }

    [Fact]
    public async Task Exported_text_never_starts_a_formula_and_phones_stay_text()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var order = MerchantClient.SampleOrder("=1+1");
        order["customer"]!["name"] = "=HYPERLINK(\"https://evil.example\",\"열기\")";
        order["customer"]!["email"] = "+tag@example.com";
        order["items"]![0]!["name"] = "@SUM(1+1)";
        order["note"] = "-2+3+cmd|' /C calc'!A0";
        await PostAsync(merchant, order);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?format=csv");
        var rows = Csv.Parse(Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]));

        var cell = (string column) => rows[1][rows[0].IndexOf(column)];
        Assert.Equal("'=1+1", cell("orderNumber"));
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"열기\")", cell("customerName"));
        Assert.Equal("'+tag@example.com", cell("customerEmail"));
        Assert.Equal("'@SUM(1+1) x 2", cell("items"));
        Assert.Equal("'-2+3+cmd|' /C calc'!A0", cell("note"));
        Assert.Equal("+821012345678", cell("customerPhone"));
        Assert.Equal("010-1234-5678", cell("customerPhoneNational"));
        Assert.All(rows[1], c => Assert.False(c.Length > 0 && c[0] is '=' or '@' or '\t' or '\r', c));
    }

    private static async Task<string> PostAsync(MerchantClient merchant, JsonObject order)
    {
        using var response = await merchant.PostAsync(order);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!.GetValue<string>();
    }
}
