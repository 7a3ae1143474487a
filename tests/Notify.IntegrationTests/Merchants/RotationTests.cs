using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Notify.Storage;
using Notify.IntegrationTests.Support;
using Notify.Merchants;

namespace Notify.IntegrationTests.Merchants;

/// <summary>API keys and webhook secrets are replaced without downtime: the old one works for the grace period only.</summary>
[Collection(LifecycleCollection.Name)]
public sealed class RotationTests(SweepApp app)
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    [Fact]
    public async Task The_old_api_key_works_until_previousValidUntil_then_401()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var rotatedAt = app.Clock.GetUtcNow();

        var rotated = await RotateAsync(merchant, "api-key");
        var renewed = merchant.With(apiKey: rotated["apiKey"]!.GetValue<string>());

        Assert.StartsWith("nk_", renewed.ApiKey);
        Assert.Equal(rotatedAt + Grace, rotated["previousValidUntil"]!.GetValue<DateTimeOffset>());
        await AssertReadsAsync(merchant, HttpStatusCode.OK);
        await AssertReadsAsync(renewed, HttpStatusCode.OK);

        app.Advance(Grace + TimeSpan.FromSeconds(1));

        await AssertReadsAsync(merchant, HttpStatusCode.Unauthorized);
        await AssertReadsAsync(renewed, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rotation_for_an_unknown_merchant_is_401()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await merchant.SendAsync(HttpMethod.Post, "/api/merchants/m_00000000000000ff/api-key/rotate");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rotating_twice_in_the_grace_period_keeps_only_the_current_and_the_previous_key()
    {
        var first = await MerchantClient.CreateAsync(app);
        var second = first.With(apiKey: (await RotateAsync(first, "api-key"))["apiKey"]!.GetValue<string>());
        var third = first.With(apiKey: (await RotateAsync(second, "api-key"))["apiKey"]!.GetValue<string>());

        await AssertReadsAsync(first, HttpStatusCode.Unauthorized);
        await AssertReadsAsync(second, HttpStatusCode.OK);
        await AssertReadsAsync(third, HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_previous_key_can_read_but_not_rotate_change_settings_or_erase()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        await RotateAsync(merchant, "api-key");

        using var rotate = await merchant.SendAsync(HttpMethod.Post, $"/api/merchants/{merchant.Id}/api-key/rotate");
        using var secret = await merchant.SendAsync(HttpMethod.Post, $"/api/merchants/{merchant.Id}/webhook-secret/rotate");
        using var settings = await merchant.SendAsync(HttpMethod.Patch, $"/api/merchants/{merchant.Id}/settings", """{"locale":"en-US"}""");
        using var erase = await merchant.SendAsync(HttpMethod.Delete, $"/api/merchants/{merchant.Id}/customers/c_0123456789abcdef0123456789abcdef");

        await ProblemAssert.IsProblemAsync(erase, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(rotate, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(secret, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(settings, HttpStatusCode.Unauthorized);
        await AssertReadsAsync(merchant, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_instance_takes_a_new_key_at_once_and_other_changes_within_its_cache_time()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var elsewhere = new MerchantStore(app.Storage, app.Services.GetRequiredService<SecretBox>(), app.Services.GetRequiredService<PageTokens>(), app.Clock);
        var elsewhereAuth = new MerchantAuth(elsewhere, app.Clock);
        Assert.True((await elsewhere.FindAsync(merchant.Id, CancellationToken.None))!.Active);

        var renewed = (await RotateAsync(merchant, "api-key"))["apiKey"]!.GetValue<string>();
        Assert.Null((await elsewhereAuth.AuthenticateAsync(merchant.Id, "Bearer " + renewed, CancellationToken.None)).Problem);

        using (var off = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", """{"active":false}"""))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }
        Assert.True((await elsewhere.FindAsync(merchant.Id, CancellationToken.None))!.Active);
        app.Advance(MerchantStore.CacheFor + TimeSpan.FromSeconds(1));
        Assert.False((await elsewhere.FindAsync(merchant.Id, CancellationToken.None))!.Active);
    }

    [Theory]
    [InlineData("api-key")]
    [InlineData("webhook-secret")]
    public async Task Rotation_with_another_merchants_key_is_401_and_changes_nothing(string what)
    {
        var owner = await MerchantClient.CreateAsync(app);
        var other = await MerchantClient.CreateAsync(app);
        var before = await ProfileAsync(owner);

        using var response = await owner.SendAsync(HttpMethod.Post, $"/api/merchants/{owner.Id}/{what}/rotate", key: other.ApiKey);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(before.ToJsonString(), (await ProfileAsync(owner)).ToJsonString());
        await AssertReadsAsync(owner, HttpStatusCode.OK);
        await owner.PostOrderAsync(MerchantClient.SampleOrder());
    }

    [Fact]
    public async Task An_order_signed_with_the_previous_secret_is_accepted_in_the_grace_period_and_401_after()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var rotatedAt = app.Clock.GetUtcNow();
        var rotated = await RotateAsync(merchant, "webhook-secret");
        var renewed = merchant.With(webhookSecret: rotated["webhookSecret"]!.GetValue<string>());

        Assert.StartsWith("whsec_", renewed.WebhookSecret);
        Assert.NotEqual(merchant.WebhookSecret, renewed.WebhookSecret);
        Assert.Equal(rotatedAt + Grace, rotated["previousValidUntil"]!.GetValue<DateTimeOffset>());
        await merchant.PostOrderAsync(MerchantClient.SampleOrder());
        await renewed.PostOrderAsync(MerchantClient.SampleOrder());

        app.Advance(Grace + TimeSpan.FromSeconds(1));

        using (var late = await merchant.PostAsync(MerchantClient.SampleOrder()))
        {
            await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Unauthorized);
        }
        await renewed.PostOrderAsync(MerchantClient.SampleOrder());
    }

    [Fact]
    public async Task Rotating_the_secret_twice_ends_the_first_at_once()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var second = merchant.With(webhookSecret: (await RotateAsync(merchant, "webhook-secret"))["webhookSecret"]!.GetValue<string>());
        var third = merchant.With(webhookSecret: (await RotateAsync(merchant, "webhook-secret"))["webhookSecret"]!.GetValue<string>());

        using (var first = await merchant.PostAsync(MerchantClient.SampleOrder()))
        {
            await ProblemAssert.IsProblemAsync(first, HttpStatusCode.Unauthorized);
        }
        await second.PostOrderAsync(MerchantClient.SampleOrder());
        await third.PostOrderAsync(MerchantClient.SampleOrder());
    }

    [Fact]
    public async Task The_merchant_webhook_event_carries_a_signature_per_live_secret_and_verifies_with_either()
    {
        await app.FreshStartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var merchant = await MerchantClient.CreateAsync(app, new { name = "웹훅집", channels = new[] { "webhook" }, webhookUrl = receiver.Url });
        var renewed = merchant.With(webhookSecret: (await RotateAsync(merchant, "webhook-secret"))["webhookSecret"]!.GetValue<string>());

        await renewed.PostOrderAsync(MerchantClient.SampleOrder());
        var during = await Eventually.MatchAsync(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length == 1, what: "the webhook event");

        var (id, timestamp, signature, body) = during[0];
        Assert.Equal(2, signature!.Split(' ').Length);
        Assert.Equal(1, SpecSignature.EntriesSignedBy(merchant.WebhookSecret, id!, timestamp!, body, signature));
        Assert.Equal(1, SpecSignature.EntriesSignedBy(renewed.WebhookSecret, id!, timestamp!, body, signature));

        app.Advance(Grace + TimeSpan.FromSeconds(1));
        await renewed.PostOrderAsync(MerchantClient.SampleOrder());
        var after = await Eventually.MatchAsync(() => Task.FromResult(receiver.Received.ToArray()), r => r.Length == 2, what: "the second event");

        var last = after[1];
        Assert.Single(last.Signature!.Split(' '));
        Assert.Equal(0, SpecSignature.EntriesSignedBy(merchant.WebhookSecret, last.Id!, last.Timestamp!, last.Body, last.Signature));
        Assert.Equal(1, SpecSignature.EntriesSignedBy(renewed.WebhookSecret, last.Id!, last.Timestamp!, last.Body, last.Signature));
    }

    private async Task<JsonObject> RotateAsync(MerchantClient merchant, string what)
    {
        using var response = await merchant.SendAsync(HttpMethod.Post, $"/api/merchants/{merchant.Id}/{what}/rotate");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> ProfileAsync(MerchantClient merchant)
    {
        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Get, $"/api/admin/merchants/{merchant.Id}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task AssertReadsAsync(MerchantClient merchant, HttpStatusCode status)
    {
        using var response = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders");
        Assert.Equal(status, response.StatusCode);
    }
}
