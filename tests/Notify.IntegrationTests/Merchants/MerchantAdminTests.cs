using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Merchants;

/// <summary>The operator lists, reads and changes merchants.</summary>
[Collection(AppCollection.Name)]
public sealed class MerchantAdminTests(NotifyApp app)
{
    [Fact]
    public async Task Operator_pages_through_merchants_and_never_sees_a_secret_or_key()
    {
        var created = new List<MerchantClient>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await MerchantClient.CreateAsync(app));
        }

        var seen = new List<JsonObject>();
        string? token = null;
        do
        {
            var path = "/api/admin/merchants?limit=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await MerchantClient.AdminAsync(app, HttpMethod.Get, path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            var page = JsonNode.Parse(text)!.AsObject();
            Assert.True(page["items"]!.AsArray().Count <= 2);
            seen.AddRange(page["items"]!.AsArray().Select(m => m!.AsObject()));
            token = page["continuationToken"]?.GetValue<string>();
            foreach (var merchant in created)
            {
                Assert.DoesNotContain(merchant.WebhookSecret, text);
                Assert.DoesNotContain(merchant.ApiKey, text);
                Assert.DoesNotContain(Notify.Merchants.ApiKeys.Hash(merchant.ApiKey), text);
            }
        }
        while (token is not null);

        Assert.All(created, m => Assert.Single(seen, s => s["merchantId"]!.GetValue<string>() == m.Id));
    }

    [Fact]
    public async Task Operator_reads_one_merchant_with_its_settings_and_defaults()
    {
        var merchant = await MerchantClient.CreateAsync(app, new { name = "떡집", webhookUrl = "https://shop.example/hooks", alertContact = new { phone = "010-9999-8888" } });

        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Get, $"/api/admin/merchants/{merchant.Id}");
        var text = await response.Content.ReadAsStringAsync();
        var profile = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("떡집", profile["name"]!.GetValue<string>());
        Assert.Equal("+821099998888", profile["alertContact"]!["phone"]!.GetValue<string>());
        Assert.True(profile["active"]!.GetValue<bool>());
        Assert.Equal(365, profile["retentionDays"]!.GetValue<int>());
        Assert.DoesNotContain(merchant.WebhookSecret, text);
        Assert.DoesNotContain(merchant.ApiKey, text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("PATCH", """{"name":"x"}""")]
    public async Task An_unknown_merchant_is_404(string method, string? body)
    {
        using var response = await MerchantClient.AdminAsync(app, new HttpMethod(method), "/api/admin/merchants/m_00000000000000ff", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Operator_routes_without_the_operator_key_are_401()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        foreach (var (method, path) in new[] { ("GET", "/api/admin/merchants"), ("GET", $"/api/admin/merchants/{merchant.Id}"), ("PATCH", $"/api/admin/merchants/{merchant.Id}") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add("x-functions-key", "wrong");
            if (method == "PATCH")
            {
                request.Content = JsonContent.Create(new { name = "stolen" });
            }
            using var response = await app.Http.SendAsync(request);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        }
        Assert.Equal("쑥떡집", (await ProfileAsync(merchant))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_merge_patch_sets_given_fields_removes_nulls_and_keeps_the_rest()
    {
        var merchant = await MerchantClient.CreateAsync(app, new
        {
            name = "쑥떡집", webhookUrl = "https://shop.example/hooks", alertContact = new { phone = "010-9999-8888", email = "owner@example.com" },
        });

        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", """
            {"name":"인절미집","locale":"en-US","timeZone":"America/New_York","channels":["email","sms"],
             "webhookUrl":null,"alertContact":{"phone":null},"kakao":{"pfId":"KA01PF200323182344986oTFz9CIabcx","templateId":"KA01TP200323182345741y9sbHyrzOG"},
             "retentionDays":90}
            """);
        var patched = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await ProfileAsync(merchant);
        foreach (var profile in new[] { patched!, stored })
        {
            Assert.Equal("인절미집", profile["name"]!.GetValue<string>());
            Assert.Equal("en-US", profile["locale"]!.GetValue<string>());
            Assert.Equal("America/New_York", profile["timeZone"]!.GetValue<string>());
            Assert.Equal(["email", "sms"], profile["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
            Assert.Null(profile["webhookUrl"]);
            Assert.Null(profile["alertContact"]!["phone"]);
            Assert.Equal("owner@example.com", profile["alertContact"]!["email"]!.GetValue<string>());
            Assert.Equal("KA01PF200323182344986oTFz9CIabcx", profile["kakao"]!["pfId"]!.GetValue<string>());
            Assert.Equal(90, profile["retentionDays"]!.GetValue<int>());
            Assert.Equal("KR", profile["region"]!.GetValue<string>());
            Assert.NotNull(profile["updatedAt"]);
        }
    }

    public static TheoryData<string, string> InvalidPatches => new()
    {
        { """{"name":""}""", "name" },
        { """{"name":null}""", "name" },
        { """{"name":5}""", "name" },
        { """{"timeZone":"Mars/Olympus"}""", "timeZone" },
        { """{"locale":"xx-NOPE"}""", "locale" },
        { """{"locale":null}""", "locale" },
        { """{"channels":["sms","sms"]}""", "channels" },
        { """{"channels":["pigeon"]}""", "channels" },
        { """{"channels":[]}""", "channels" },
        { """{"channels":null}""", "channels" },
        { """{"channels":"sms"}""", "channels" },
        { """{"webhookUrl":"http://shop.example/hook"}""", "webhookUrl" },
        { """{"webhookUrl":"not a url"}""", "webhookUrl" },
        { """{"alertContact":{"phone":"123"}}""", "alertContact.phone" },
        { """{"alertContact":{"email":"nope"}}""", "alertContact.email" },
        { """{"alertContact":{"pager":"1"}}""", "alertContact.pager" },
        { """{"alertContact":"owner@example.com"}""", "alertContact" },
        { """{"kakao":{"pfId":"has space","templateId":"KA01TP1"}}""", "kakao.pfId" },
        { """{"kakao":{"pfId":"KA01PF1","templateId":"bad/slash"}}""", "kakao.templateId" },
        { """{"kakao":{"pfId":"KA01PF1"}}""", "kakao" },
        { """{"kakao":{"pfId":"KA01PF1","templateId":"KA01TP1","extra":"x"}}""", "kakao.extra" },
        { """{"kakao":"KA01PF1"}""", "kakao" },
        { """{"active":"no"}""", "active" },
        { """{"active":null}""", "active" },
        { """{"retentionDays":0}""", "retentionDays" },
        { """{"retentionDays":1.5}""", "retentionDays" },
        { """{"retentionDays":"30"}""", "retentionDays" },
        { """{"colour":"red"}""", "colour" },
        { """{"region":"US"}""", "region" },
        // No KakaoTalk channel runs in this deployment, and kakao needs Kakao settings anyway.
        { """{"channels":["kakao","sms"]}""", "channels" },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task An_invalid_patch_is_422_at_its_field_and_changes_nothing(string body, string path)
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var before = (await ProfileAsync(merchant)).ToJsonString();

        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, path);
        Assert.Equal(before, (await ProfileAsync(merchant)).ToJsonString());
    }

    [Fact]
    public async Task Unknown_fields_are_each_named_and_nothing_else_is_applied()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}",
            """{"name":"새이름","colour":"red","apiKey":"nk_mine"}""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "colour");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("apiKey"));
        Assert.Equal("쑥떡집", (await ProfileAsync(merchant))["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[1,2]", "application/merge-patch+json", HttpStatusCode.BadRequest)]
    [InlineData("{\"name\":", "application/merge-patch+json", HttpStatusCode.BadRequest)]
    [InlineData("name=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_patch_that_is_not_a_json_object_is_refused(string body, string contentType, HttpStatusCode status)
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", body, contentType);

        await ProblemAssert.IsProblemAsync(response, status);
    }

    [Fact]
    public async Task A_patch_over_16_KiB_is_413()
    {
        var merchant = await MerchantClient.CreateAsync(app);

        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}",
            $$"""{"name":"{{new string('x', 17 * 1024)}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_switched_off_merchant_gets_403_on_intake_writes_nothing_and_still_reads_and_exports()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var earlier = await merchant.PostOrderAsync(MerchantClient.SampleOrder());
        var rowsBefore = (await app.MerchantRowsAsync(merchant.Id)).Count;

        using (var off = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", """{"active":false}"""))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }
        using (var refused = await merchant.PostAsync(MerchantClient.SampleOrder()))
        {
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Contains("switched off", problem["detail"]!.GetValue<string>());
        }
        Assert.Equal(rowsBefore, (await app.MerchantRowsAsync(merchant.Id)).Count);

        Assert.Equal(earlier, (await merchant.ReadAsync(earlier))["orderId"]!.GetValue<string>());
        using (var csv = await merchant.GetAsync($"/api/merchants/{merchant.Id}/orders?format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Contains(earlier, await csv.Content.ReadAsStringAsync());
        }
        using (var customers = await merchant.GetAsync($"/api/merchants/{merchant.Id}/customers?format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
        }

        using (var on = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", """{"active":true}"""))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }
        await merchant.PostOrderAsync(MerchantClient.SampleOrder());
    }

    [Fact]
    public async Task A_switched_off_merchant_with_a_bad_signature_still_gets_401()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using (await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", """{"active":false}""")) { }

        using var response = await merchant.PostRawAsync(MerchantClient.SampleOrder().ToJsonString(), secret: Notify.Signing.StandardWebhook.NewSecret());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_changed_chain_is_what_the_next_order_is_planned_with()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        using (var patch = await MerchantClient.AdminAsync(app, HttpMethod.Patch, $"/api/admin/merchants/{merchant.Id}", """{"channels":["email"]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        }

        var orderId = await merchant.PostOrderAsync(OrderSteps.ForCustomer(OrderSteps.NewPhone(), OrderSteps.NewEmail()));

        var confirmation = await merchant.ConfirmationAsync(orderId, "confirmed");
        Assert.Equal(["email"], confirmation["chain"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    private async Task<JsonObject> ProfileAsync(MerchantClient merchant)
    {
        using var response = await MerchantClient.AdminAsync(app, HttpMethod.Get, $"/api/admin/merchants/{merchant.Id}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
