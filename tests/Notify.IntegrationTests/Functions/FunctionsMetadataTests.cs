using System.Reflection;
using System.Text.Json.Nodes;
using Notify.IntegrationTests.Support;

using Notify.LocalParts;

namespace Notify.IntegrationTests.Functions;

/// <summary>The Functions app's generated functions.metadata declares what the contract promises.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonArray> Metadata = new(() =>
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepoRoot.Path, "src", "Notify.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Functions app was not built.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    });

    public static TheoryData<string, string, string, string> HttpFunctions => new()
    {
        { "CreateMerchant", "post", "api/{area:regex(^admin$)}/merchants", "Function" },
        { "PostOrder", "post", "api/merchants/{merchantId}/orders", "Anonymous" },
        { "GetOrder", "get", "api/merchants/{merchantId}/orders/{orderId}", "Anonymous" },
        { "ListOrders", "get", "api/merchants/{merchantId}/orders", "Anonymous" },
        { "ListCustomers", "get", "api/merchants/{merchantId}/customers", "Anonymous" },
        { "TwilioReceipt", "post", "api/receipts/twilio", "Anonymous" },
        { "Channels", "get", "api/channels", "Function" },
        { "ListMerchants", "get", "api/{area:regex(^admin$)}/merchants", "Function" },
        { "GetMerchant", "get", "api/{area:regex(^admin$)}/merchants/{merchantId}", "Function" },
        { "PatchMerchant", "patch", "api/{area:regex(^admin$)}/merchants/{merchantId}", "Function" },
        { "GetOwnProfile", "get", "api/merchants/{merchantId}", "Anonymous" },
        { "PatchSettings", "patch", "api/merchants/{merchantId}/settings", "Anonymous" },
        { "RotateApiKey", "post", "api/merchants/{merchantId}/api-key/rotate", "Anonymous" },
        { "RotateWebhookSecret", "post", "api/merchants/{merchantId}/webhook-secret/rotate", "Anonymous" },
        { "EraseCustomer", "delete", "api/merchants/{merchantId}/customers/{customerId}", "Anonymous" },
        { "MerchantChannels", "get", "api/merchants/{merchantId}/channels", "Anonymous" },
        { "ConsoleSignIn", "post", "api/console/session", "Anonymous" },
        { "ConsoleSession", "get", "api/console/session", "Anonymous" },
        { "ConsoleSignOut", "delete", "api/console/session", "Anonymous" },
        { "ConsolePage", "get", "console", "Anonymous" },
        { "ConsoleFile", "get", "console/{*path}", "Anonymous" },
        { "Health", "get", "api/health", "Anonymous" },
        { "DamageReport", "get", "api/merchants/{merchantId}/damage", "Anonymous" },
        { "PostBroadcast", "post", "api/merchants/{merchantId}/broadcasts", "Anonymous" },
        { "GetBroadcast", "get", "api/merchants/{merchantId}/broadcasts/{broadcastId}", "Anonymous" },
        { "CancelBroadcast", "post", "api/merchants/{merchantId}/broadcasts/{broadcastId}/cancel", "Anonymous" },
    };

    public static TheoryData<string, string> QueueFunctions => new()
    {
        { "FanOut", "notify-fanout" },
        { "FanOutPoison", "notify-fanout-poison" },
        { "SendKakao", "notify-send-kakao" },
        { "SendSms", "notify-send-sms" },
        { "SendEmail", "notify-send-email" },
        { "SendWebhook", "notify-send-webhook" },
        { "SendKakaoPoison", "notify-send-kakao-poison" },
        { "SendSmsPoison", "notify-send-sms-poison" },
        { "SendEmailPoison", "notify-send-email-poison" },
        { "SendWebhookPoison", "notify-send-webhook-poison" },
    };

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public void Queue_function_listens_on_its_queue(string name, string queue)
    {
        Assert.Equal(queue, Trigger(name, "queueTrigger")["queueName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Http_function_has_its_route_method_and_auth_level(string name, string method, string route, string authLevel)
    {
        var trigger = Trigger(name, "httpTrigger");

        Assert.Equal(route, trigger["route"]!.GetValue<string>());
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(authLevel, trigger["authLevel"]!.GetValue<string>());
    }

    [Fact]
    public void No_function_needs_the_master_key()
    {
        // Admin level takes only the master key, which also drives the host's admin API (keys, invoking any function):
        // operator routes are function level and take the named operator host key instead.
        var admin = Metadata.Value
            .Where(f => f!["bindings"]!.AsArray().Any(b => b!["authLevel"]?.GetValue<string>() == "Admin"))
            .Select(f => f!["name"]!.GetValue<string>())
            .ToList();

        Assert.True(admin.Count == 0, "Admin-level functions: " + string.Join(", ", admin));
    }

    [Fact]
    public void Stall_sweep_runs_on_the_schedule_setting()
    {
        Assert.Equal("%Notify:SweepSchedule%", Trigger("StallSweep", "timerTrigger")["schedule"]!.GetValue<string>());
    }

    [Fact]
    public void Retention_sweep_runs_on_the_schedule_setting()
    {
        Assert.Equal("%Notify:RetentionSchedule%", Trigger("RetentionSweep", "timerTrigger")["schedule"]!.GetValue<string>());
    }

    [Fact]
    public void Every_function_in_the_metadata_is_expected()
    {
        var expected = HttpFunctions.Select(row => (string)row[0]).Concat(QueueFunctions.Select(row => (string)row[0]))
            .Append("StallSweep").Append("RetentionSweep").ToHashSet();
        var actual = Metadata.Value.Select(f => f!["name"]!.GetValue<string>()).ToHashSet();

        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public void Host_json_has_an_empty_route_prefix_and_the_queue_encoding_producers_use()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")))!;

        // Routes carry "api/" themselves so that the console can live at /console on the same host; no route may
        // start with "admin", which is the host's own admin API.
        Assert.Equal("", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.All(Metadata.Value.SelectMany(f => f!["bindings"]!.AsArray()).Where(b => b!["route"] is not null),
            b => Assert.False(b!["route"]!.GetValue<string>().StartsWith("admin", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(
            Notify.Storage.StorageNames.QueueEncoding.ToString(),
            host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>(),
            ignoreCase: true);
    }

    private static JsonObject Trigger(string function, string type)
    {
        var entry = Metadata.Value.SingleOrDefault(f => f!["name"]!.GetValue<string>() == function);
        Assert.True(entry is not null, $"{function} is not in functions.metadata.");
        return entry!["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == type)!.AsObject();
    }
}
