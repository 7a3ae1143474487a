using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Customers;

[Collection(AppCollection.Name)]
public sealed class ListCustomersTests(NotifyApp app)
{
    [Fact]
    public async Task Each_customer_is_listed_once_with_their_latest_order()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await merchant.PostAsync(MerchantClient.SampleOrder("K-1"));
        await merchant.PostAsync(MerchantClient.SampleOrder("K-2"));
        var emailOnly = MerchantClient.SampleOrder("K-3");
        emailOnly["customer"] = new JsonObject { ["name"] = "Alex Kim", ["email"] = "Alex@Example.com" };
        await merchant.PostAsync(emailOnly);

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers");
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();

        Assert.Equal(2, items.Count);
        var minji = Assert.Single(items, c => c!["phone"]?.GetValue<string>() == "+821012345678")!;
        Assert.Equal("K-2", minji["lastOrderNumber"]!.GetValue<string>());
        Assert.Contains(items, c => c!["email"]?.GetValue<string>() == "Alex@Example.com");
    }

    [Fact]
    public async Task Customers_export_as_csv_with_bom()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await merchant.PostAsync(MerchantClient.SampleOrder());

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers?format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["customerId", "name", "phone", "email", "locale", "lastOrderId", "lastOrderNumber", "lastOrderAt"], rows[0]);
        Assert.StartsWith("c_", rows[1][0]);
        Assert.Equal("김민지", rows[1][1]);
    }

    [Fact]
    public async Task Another_merchants_key_cannot_list_customers()
    {
        var owner = await MerchantClient.CreateAsync(app);
        var other = await MerchantClient.CreateAsync(app);
        await owner.PostAsync(MerchantClient.SampleOrder());

        using var json = await owner.GetAsync($"/api/merchants/{owner.Id}/customers", key: other.ApiKey);
        using var csv = await owner.GetAsync($"/api/merchants/{owner.Id}/customers?format=csv", key: other.ApiKey);

        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(csv, HttpStatusCode.Unauthorized);
    }
}
