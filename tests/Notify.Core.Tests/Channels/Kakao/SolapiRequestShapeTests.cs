using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Channels.Kakao;
using Notify.LocalParts;

namespace Notify.Core.Tests.Channels.Kakao;

/// <summary>The body Notify's client posts is one SOLAPI's official Node SDK would send: its own request schema accepts it.</summary>
public sealed class SolapiRequestShapeTests
{
    private static readonly string Script = Path.Combine(RepoRoot.Path, "tests", "Notify.Core.Tests", "Channels", "Kakao", "solapi-schema.mjs");

    [Fact]
    public async Task Notify_request_body_passes_the_sdks_schema_unchanged()
    {
        var message = new AlimTalk("01012345678", "KA01PF1", "KA01TP1", new Dictionary<string, string> { ["shop"] = "떡집", ["total"] = "38,000원" }, "m_1.o_2.3");
        var body = JsonSerializer.Serialize(SolapiWire.Request(message, from: null), SolapiWire.Json);

        var result = await DecodeAsync(body);

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        var decoded = result["decoded"]!["messages"]![0]!;
        Assert.Equal("ATA", decoded["type"]!.GetValue<string>());
        Assert.Equal("떡집", decoded["kakaoOptions"]!["variables"]!["#{shop}"]!.GetValue<string>());
        Assert.True(decoded["kakaoOptions"]!["disableSms"]!.GetValue<bool>());
        Assert.Equal("m_1.o_2.3", decoded["customFields"]!["attempt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_schema_check_refuses_what_the_sdk_would_refuse()
    {
        // A dotted variable name: the SDK refuses it, so the check is not a rubber stamp.
        var result = await DecodeAsync("""{ "messages": [{ "to": "01012345678", "kakaoOptions": { "pfId": "p", "variables": { "a.b": "x" } } }] }""");

        Assert.False(result["ok"]!.GetValue<bool>());
    }

    private static async Task<JsonObject> DecodeAsync(string body)
    {
        var start = new ProcessStartInfo("node", [Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(body);
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        var line = (await output).Trim();
        Assert.True(node.ExitCode == 0 && line.StartsWith('{'), $"node exited {node.ExitCode}: {line}\n{await errors}");
        return JsonNode.Parse(line)!.AsObject();
    }
}
