using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Notify.LocalParts;

namespace Notify.KakaoSandbox.Tests.Support;

/// <summary>Runs sdk/send.mjs: SOLAPI's official Node SDK (npm "solapi") sending one message to the sandbox.</summary>
internal static class SolapiSdk
{
    private static readonly JsonSerializerOptions OmitNulls = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly string Script = Path.Combine(RepoRoot.Path, "tests", "Notify.KakaoSandbox.Tests", "sdk", "send.mjs");

    /// <summary>A valid AlimTalk as a merchant's code would hand it to the SDK: national number, variables without #{}.</summary>
    public static object AlimTalk(string to = SandboxHost.CustomerNational, string? templateId = "KA01TP0000000000000000000000001") => new
    {
        to,
        from = "0212345678",
        kakaoOptions = new
        {
            pfId = "KA01PF0000000000000000000000001",
            templateId,
            variables = new Dictionary<string, string> { ["shop"] = "떡집", ["orderNumber"] = "A-1001" },
            disableSms = true,
        },
        customFields = new Dictionary<string, string> { ["attempt"] = "m_1.o_1.1" },
    };

    /// <summary>Sends <paramref name="message"/> with the SDK; the script's one line of JSON output.</summary>
    public static async Task<JsonObject> SendAsync(SandboxHost sandbox, object message, string apiKey = SandboxHost.ApiKey, string apiSecret = SandboxHost.ApiSecret)
    {
        var start = new ProcessStartInfo("node", [Script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
            Environment =
            {
                ["SOLAPI_BASE_URL"] = sandbox.BaseAddress.ToString(),
                ["SOLAPI_API_KEY"] = apiKey,
                ["SOLAPI_API_SECRET"] = apiSecret,
                ["SEND_JSON"] = JsonSerializer.Serialize(message, OmitNulls),
            },
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        var line = (await output).Trim();
        Assert.True(node.ExitCode == 0 && line.StartsWith('{'), $"node exited {node.ExitCode}: {line}\n{await errors}");
        return JsonNode.Parse(line)!.AsObject();
    }
}
