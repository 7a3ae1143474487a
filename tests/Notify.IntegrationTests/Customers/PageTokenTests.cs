using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Customers;

/// <summary>Continuation tokens end up in URLs and access logs: they must say nothing, and only what Notify sealed is accepted.</summary>
[Collection(AppCollection.Name)]
public sealed class PageTokenTests(NotifyApp app)
{
    [Fact]
    public async Task Token_carries_no_customer_data_and_still_pages()
    {
        var merchant = await MerchantWithEmailCustomersAsync("k0", "k1", "k2");

        var first = await PageAsync(merchant, null);
        var token = first["continuationToken"]!.GetValue<string>();

        var revealed = Reveal(token);
        Assert.DoesNotContain("example", revealed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("k1", revealed);
        Assert.DoesNotContain("customer", revealed);
        var second = await PageAsync(merchant, token);
        Assert.Equal("k1@example.com", second["items"]![0]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Altered_token_is_400()
    {
        var merchant = await MerchantWithEmailCustomersAsync("t0", "t1", "t2");
        var token = (await PageAsync(merchant, null))["continuationToken"]!.GetValue<string>();
        var bytes = Base64Url.DecodeFromChars(token);
        bytes[^1] ^= 0x01;

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers?limit=1&continuationToken={Base64Url.EncodeToString(bytes)}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_listings_token_is_400()
    {
        var other = await MerchantWithEmailCustomersAsync("o0", "o1");
        var token = (await PageAsync(other, null))["continuationToken"]!.GetValue<string>();
        var merchant = await MerchantWithEmailCustomersAsync("o0", "o1");

        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers?limit=1&continuationToken={token}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    // Everything a curious reader of an access log could decode: the token, and every base64 run inside it.
    private static string Reveal(string token)
    {
        var text = new StringBuilder();
        var layer = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        text.AppendLine(layer);
        foreach (System.Text.RegularExpressions.Match run in System.Text.RegularExpressions.Regex.Matches(layer, "[A-Za-z0-9+/_-]{8,}={0,2}"))
        {
            var value = run.Value.TrimEnd('=');
            if (Base64Url.IsValid(value.Replace('+', '-').Replace('/', '_')))
            {
                text.AppendLine(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value.Replace('+', '-').Replace('/', '_'))));
            }
        }
        return Uri.UnescapeDataString(text.ToString());
    }

    private async Task<MerchantClient> MerchantWithEmailCustomersAsync(params string[] names)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        foreach (var name in names)
        {
            await merchant.PostOrderAsync(OrderSteps.ForCustomer(null, $"{name}@example.com"));
        }
        return merchant;
    }

    private static async Task<JsonObject> PageAsync(MerchantClient merchant, string? token)
    {
        using var response = await merchant.GetAsync(
            $"/api/merchants/{merchant.Id}/customers?limit=1" + (token is null ? "" : $"&continuationToken={token}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
