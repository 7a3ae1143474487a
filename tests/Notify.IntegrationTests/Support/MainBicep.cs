using System.Diagnostics;
using System.Text.Json.Nodes;
using Notify.LocalParts;

namespace Notify.IntegrationTests.Support;

/// <summary>infra/main.bicep compiled to ARM JSON by the pinned Bicep CLI (infra/bicep.sh), once per test run.</summary>
public static class MainBicep
{
    /// <summary>The compiled template.</summary>
    public static Lazy<JsonObject> Arm { get; } = new(Compile);

    /// <summary>Every resource of the template, whether it compiled to an array or to symbolic names.</summary>
    public static IEnumerable<JsonNode> Resources() =>
        Arm.Value["resources"]! is JsonObject symbolic ? symbolic.Select(kv => kv.Value!) : Arm.Value["resources"]!.AsArray().Select(r => r!);

    /// <summary>The one resource of <paramref name="type"/> (and, for child types, whose name contains <paramref name="nameContains"/>).</summary>
    public static JsonNode Resource(string type, string? nameContains = null) =>
        Resources().Single(r => r["type"]!.GetValue<string>() == type
            && (nameContains is null || r["name"]!.GetValue<string>().Contains(nameContains, StringComparison.Ordinal)));

    private static JsonObject Compile()
    {
        var bicep = Run("bash", [Path.Combine(RepoRoot.Path, "infra", "bicep.sh")]).Trim();
        return JsonNode.Parse(Run(bicep, ["build", Path.Combine(RepoRoot.Path, "infra", "main.bicep"), "--stdout"]))!.AsObject();
    }

    private static string Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} took over 5 minutes");
        }
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{error.Result}");
        return output;
    }
}
