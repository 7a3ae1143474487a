using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Notify.IntegrationTests.Support;
using Notify.Storage;

namespace Notify.IntegrationTests.Merchants;

/// <summary>A copy of the Merchants table alone cannot sign orders or read a merchant's data.</summary>
[Collection(AppCollection.Name)]
public sealed class SecretsAtRestTests(NotifyApp app)
{
    [Fact]
    public async Task A_storage_dump_of_the_merchant_row_holds_no_usable_secret_or_key()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using var rotate = await merchant.SendAsync(HttpMethod.Post, $"/api/merchants/{merchant.Id}/webhook-secret/rotate");
        var current = (await rotate.Content.ReadFromJsonAsync<JsonObject>())!["webhookSecret"]!.GetValue<string>();

        var row = (await app.Storage.Table(StorageNames.MerchantsTable).GetEntityAsync<TableEntity>(merchant.Id, "profile")).Value;
        var values = row.Select(kv => kv.Value).OfType<string>().ToList();

        foreach (var secret in new[] { merchant.WebhookSecret, current })
        {
            Assert.DoesNotContain(values, v => v.Contains(secret["whsec_".Length..], StringComparison.Ordinal));
        }
        Assert.DoesNotContain(values, v => v.Contains(merchant.ApiKey, StringComparison.Ordinal));
        Assert.False(row.ContainsKey("WebhookSecret"));
        // Whatever a thief tries as a key (each value, its base64 without a prefix), no order is accepted and no data is read.
        foreach (var candidate in values.SelectMany(Candidates).Distinct())
        {
            using var post = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), secret: candidate);
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        }
        foreach (var value in values.Where(v => v.All(char.IsAscii)))
        {
            using var read = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders", key: value);
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        }
    }

    [Fact]
    public async Task A_row_in_todays_format_with_a_clear_secret_still_works_and_is_sealed_on_its_next_change()
    {
        var merchantId = Notify.Merchants.MerchantIds.New();
        var secret = Notify.Signing.StandardWebhook.NewSecret();
        var apiKey = Notify.Merchants.ApiKeys.New();
        var table = app.Storage.Table(StorageNames.MerchantsTable);
        // Exactly the columns a merchant row had before secrets were sealed.
        await table.UpsertEntityAsync(new TableEntity(merchantId, "profile")
        {
            ["Name"] = "옛날떡집", ["Region"] = "KR", ["TimeZone"] = "Asia/Seoul", ["Locale"] = "ko-KR", ["Channels"] = "sms,email,webhook",
            ["AlertEmail"] = "owner@example.com", ["WebhookSecret"] = secret, ["ApiKeyHash"] = Notify.Merchants.ApiKeys.Hash(apiKey),
            ["CreatedAt"] = DateTimeOffset.UtcNow.AddDays(-100),
        });
        var merchant = new MerchantClient(app, merchantId, secret, apiKey);

        var orderId = await merchant.PostOrderAsync(MerchantClient.SampleOrder());
        Assert.Equal(orderId, (await merchant.ReadAsync(orderId))["orderId"]!.GetValue<string>());
        using (var profile = await merchant.GetAsync($"/api/merchants/{merchantId}"))
        {
            var body = (await profile.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(body["active"]!.GetValue<bool>());
            Assert.Equal(365, body["retentionDays"]!.GetValue<int>());
        }

        using (var patch = await merchant.SendAsync(HttpMethod.Patch, $"/api/merchants/{merchantId}/settings", """{"locale":"en-US"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        var row = (await table.GetEntityAsync<TableEntity>(merchantId, "profile")).Value;
        Assert.False(row.ContainsKey("WebhookSecret"));
        Assert.DoesNotContain(row.Select(kv => kv.Value).OfType<string>(), v => v.Contains(secret["whsec_".Length..], StringComparison.Ordinal));
        await merchant.PostOrderAsync(MerchantClient.SampleOrder());
    }

    private static IEnumerable<string> Candidates(string value)
    {
        foreach (var text in new[] { value, value.Contains('.') ? value[(value.IndexOf('.') + 1)..] : value })
        {
            var bytes = new byte[text.Length];
            if (text.Length > 0 && Convert.TryFromBase64String(text, bytes, out _))
            {
                yield return "whsec_" + text;
            }
        }
    }
}
