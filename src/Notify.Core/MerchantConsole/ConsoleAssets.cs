using System.Reflection;
using System.Security.Cryptography;
using Notify.Common;

namespace Notify.MerchantConsole;

/// <summary>One static file of the console, with its validator.</summary>
public sealed record ConsoleFile(string Path, string ContentType, byte[] Body, string ETag);

/// <summary>What to answer for a console file: 200 with the file, or 304 when the caller's copy is current.</summary>
public sealed record ConsoleReply(int Status, ConsoleFile File, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// The console's static files (embedded resources named <c>console/…</c>), served only by exact name, so no path can
/// reach anything else. Every answer carries a policy that allows scripts and styles from this origin only.
/// </summary>
public sealed class ConsoleAssets(IReadOnlyDictionary<string, ConsoleFile> files)
{
    /// <summary>The prefix of the embedded resource names.</summary>
    public const string ResourcePrefix = "console/";

    /// <summary>The Content-Security-Policy of every console file: no inline script, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".json"] = "application/json; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    /// <summary>The files embedded in <paramref name="assembly"/> under <see cref="ResourcePrefix"/>.</summary>
    public static ConsoleAssets FromAssembly(Assembly assembly)
    {
        var files = new Dictionary<string, ConsoleFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            var body = copy.ToArray();
            var type = ContentTypes.GetValueOrDefault(System.IO.Path.GetExtension(path), "application/octet-stream");
            files[path] = new ConsoleFile(path, type, body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        }
        return new ConsoleAssets(files);
    }

    /// <summary>The file at <paramref name="path"/> (the page itself for an empty path), or 404.</summary>
    public Result<ConsoleReply> Serve(string? path, string? ifNoneMatch)
    {
        var name = string.IsNullOrEmpty(path) || path == "/" ? "index.html" : path;
        if (!files.TryGetValue(name, out var file))
        {
            return Problem.NotFound("There is no such console file.");
        }
        var headers = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = ContentSecurityPolicy,
            ["X-Content-Type-Options"] = "nosniff",
            ["Referrer-Policy"] = "no-referrer",
            // Revalidated on every load (a 304 costs nothing), so a new release shows at once without versioned names.
            ["Cache-Control"] = "no-cache",
            ["ETag"] = file.ETag,
        };
        var current = ifNoneMatch?.Split(',').Any(tag => tag.Trim() == file.ETag || tag.Trim() == "*") == true;
        return new ConsoleReply(current ? 304 : 200, file, headers);
    }
}
