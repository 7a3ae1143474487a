using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;
using Notify.Signing;

namespace Notify.IntegrationTests.Faults;

/// <summary>
/// Seeded fuzzing of intake's body and headers: no input ever gets a 5xx, and no 4xx leaves a row behind.
/// <c>NOTIFY_FUZZ_CASES</c> sets how many cases (default 300; the long run uses thousands), <c>NOTIFY_FUZZ_SEED</c> the seed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IntakeFuzzTests(NotifyApp app)
{
    private const string LoneSurrogate = "__LONE_SURROGATE__";

    private static readonly string[] Paths =
    [
        "orderNumber", "placedAt", "customer", "customer.name", "customer.phone", "customer.email", "customer.locale", "items",
        "items.0", "items.0.name", "items.0.quantity", "items.0.unitPrice", "total", "currency", "fulfillment", "fulfillment.type",
        "fulfillment.at", "note", "extra", "customer.extra", "items.1",
    ];

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null, _ => true, _ => 0, _ => -1, _ => 1.5, _ => int.MaxValue, _ => long.MaxValue, _ => decimal.MaxValue, _ => decimal.MinValue,
        _ => 0.0000000000000000000000000001m, _ => 1e300, _ => "", _ => " ", _ => "\u0000", _ => "a\u0007b\u001b[2J", _ => "\r\n",
        _ => "\u200b\u200d\ufeff", _ => "\u202Eevil", _ => "😀😀😀", _ => "김민지", _ => "=HYPERLINK(\"x\")", _ => "+1-2", _ => "@x",
        _ => LoneSurrogate, r => new string('가', r.Next(1, 3000)), r => new string('/', r.Next(1, 600)), _ => "0001-01-01T00:00:00Z",
        _ => "9999-12-31T23:59:59.9999999Z", _ => "1000-01-01T00:00:00Z", _ => "2026-02-30T00:00:00Z", _ => "2026-11-28T09:30:00+14:00",
        _ => "02-312-3456", _ => "060-700-1234", _ => "+0", _ => "+82", _ => "010-1234-5678 ext. 9", _ => "a@b@c", _ => "\"q\"@example.com",
        _ => new string('a', 250) + "@example.com", _ => "KRW", _ => "XXX", _ => "krw", _ => "JPY", _ => "BHD", _ => "pickup", _ => "ko-KR",
        _ => "xx-XX-x-private", _ => new JsonArray(), _ => new JsonObject(), _ => new JsonArray(new JsonArray(new JsonArray())),
        _ => new JsonObject { ["name"] = "떡", ["quantity"] = 1, ["unitPrice"] = 1 }, _ => new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode?)new JsonObject { ["name"] = "떡", ["quantity"] = 1, ["unitPrice"] = 1 }).ToArray()),
    ];

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("NOTIFY_FUZZ_CASES"), out var n) ? n : 300;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("NOTIFY_FUZZ_SEED"), out var s) ? s : 20261201;

    [Fact]
    public async Task No_mutated_order_or_header_gets_a_5xx_and_no_4xx_writes_anything()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var random = new Random(Seed);
        var rows = (await app.MerchantRowsAsync(merchant.Id)).Count;
        var statuses = new Dictionary<int, int>();
        for (var n = 0; n < Cases; n++)
        {
            var (body, describe) = Body(random);
            using var request = Request(merchant, random, body, ref describe);
            using var response = await app.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(status < 500, $"case {n} (seed {Seed}): {describe} → {status} {text}");
            // Accepted orders' deliveries update rows in the background, but never add any: only intake adds rows.
            var rowsNow = (await app.MerchantRowsAsync(merchant.Id)).Count;
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(rowsNow == rows, $"case {n} (seed {Seed}): {describe} → {status} wrote {rowsNow - rows} rows");
                await AssertNoOrphanDeadlinesAsync(merchant.Id, $"case {n} (seed {Seed}): {describe} → {status}");
            }
            rows = rowsNow;
        }
        // A generator that never gets past validation tests nothing: some cases must be stored, most refused.
        Assert.True(statuses.Where(s => s.Key < 300).Sum(s => s.Value) > 0, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(422) > 0 && statuses.GetValueOrDefault(400) > 0, string.Join(", ", statuses));
    }

    // Intake schedules the fan-out deadline before its transaction: a refusal after that would leave a deadline without an order.
    private async Task AssertNoOrphanDeadlinesAsync(string merchantId, string what)
    {
        var orders = (await app.MerchantRowsAsync(merchantId)).Select(r => r.RowKey).ToHashSet();
        foreach (var deadline in await app.DeadlinesAsync(merchantId))
        {
            Assert.True(orders.Contains("order|" + deadline.GetString("OrderId")), $"{what}: deadline {deadline.RowKey} has no order");
        }
    }

    private static (byte[] Body, string Describe) Body(Random random)
    {
        var order = MerchantClient.SampleOrder("F-" + random.Next(1_000_000));
        var changes = new List<string>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var path = Paths[random.Next(Paths.Length)];
            var value = Values[random.Next(Values.Length)](random);
            if (Set(order, path, value?.DeepClone()))
            {
                changes.Add($"{path}={Short(value?.ToJsonString() ?? "null")}");
            }
        }
        var text = order.ToJsonString().Replace(LoneSurrogate, "\\uD800", StringComparison.Ordinal);
        switch (random.Next(10))
        {
            case 0:
                var cut = random.Next(text.Length);
                changes.Add($"cut at {cut}");
                text = text[..cut];
                break;
            case 1:
                var key = new[] { "total", "Total", "orderNumber", "customer", "items" }[random.Next(5)];
                changes.Add($"duplicate {key}");
                text = "{\"" + key + "\":1," + text[1..];
                break;
            case 2:
                changes.Add("deep nesting");
                text = text[..^1] + ",\"deep\":" + new string('[', 70) + new string(']', 70) + "}";
                break;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(10) == 0 && bytes.Length > 0)
        {
            var at = random.Next(bytes.Length);
            var b = (byte)random.Next(256);
            changes.Add($"byte {at}={b:x2}");
            bytes[at] = b;
        }
        return (bytes, string.Join("; ", changes));
    }

    private static HttpRequestMessage Request(MerchantClient merchant, Random random, byte[] body, ref string describe)
    {
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var timestamp = ts.ToString();
        string? signature = null;
        var contentType = "application/json";
        switch (random.Next(12))
        {
            case 0: id = new string('/', 256); break;
            case 1: id = new string('%', 257); break;
            case 2: id = ":/?#[]@!$&'()*+,;=" + id; break;
            case 3: timestamp = new[] { "+" + ts, " " + ts, "0" + ts, "-1", "", "abc", "99999999999999999999", (ts - 3600).ToString() }[random.Next(8)]; break;
            case 4: signature = new[] { "", "v1,", "v1,!!!", "v2," + Convert.ToBase64String(new byte[32]), string.Join(' ', Enumerable.Repeat("v1,AAAA", 500)) }[random.Next(5)]; break;
            case 5: contentType = new[] { "text/plain", "application/json; charset=utf-16", "application/jsonx", "multipart/form-data", "application/JSON" }[random.Next(5)]; break;
        }
        signature ??= Sign(merchant.WebhookSecret, id, timestamp, body);
        describe += $" | id={Short(id)} ts={timestamp} sig={Short(signature)} type={contentType}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/merchants/{merchant.Id}/orders") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("webhook-signature", signature);
        return request;
    }

    // Signed over the exact header text, as a merchant's library would, so bodies reach validation.
    private static string Sign(string secret, string id, string timestamp, byte[] body) =>
        long.TryParse(timestamp, out var seconds) && seconds.ToString() == timestamp
            ? StandardWebhook.Sign(secret, id, seconds, body)
            : "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
                Convert.FromBase64String(secret["whsec_".Length..]), (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]));

    private static bool Set(JsonObject order, string path, JsonNode? value)
    {
        var steps = path.Split('.');
        JsonNode? node = order;
        foreach (var step in steps[..^1])
        {
            node = node switch
            {
                JsonObject o => o[step],
                JsonArray a when int.TryParse(step, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        switch (node)
        {
            case JsonObject o:
                o[steps[^1]] = value;
                return true;
            case JsonArray a when int.TryParse(steps[^1], out var i) && i <= a.Count:
                if (i == a.Count)
                {
                    a.Add(value);
                }
                else
                {
                    a[i] = value;
                }
                return true;
            default:
                return false;
        }
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + $"…({text.Length})" : text;
}
