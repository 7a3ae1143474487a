using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Notify.Configuration;

namespace Notify.SelfHost.Http;

/// <summary>
/// Stands in for the Functions host's key check on non-anonymous functions: <c>x-functions-key</c> (or <c>?code=</c>)
/// must equal <c>Notify:AdminKey</c>. The self-host does not start without a key of the operator's own.
/// </summary>
public static class AdminKey
{
    /// <summary>The placeholder in local.settings.sample.json: public, so never a key.</summary>
    public const string SamplePlaceholder = "change-me-local-admin-key";

    /// <summary>The 401 for a missing or wrong key.</summary>
    public static readonly IResult Denied = Results.Problem(
        type: "https://notify.dev/problems/unauthorized", title: "Authentication failed.", statusCode: 401,
        detail: "Send the operator key in the x-functions-key header.");

    /// <summary>Refuses to start with no key, the sample's placeholder, or an unresolved Key Vault reference.</summary>
    public static void EnsureConfigured(string? key)
    {
        if (!SecretSetting.IsUsable(key) || string.Equals(key!.Trim(), SamplePlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                "Notify:AdminKey is empty or the sample's placeholder: set a key of your own (scripts/run-local.sh generates one in .local/admin-key).");
        }
    }

    /// <summary>True when the request carries the configured operator key.</summary>
    public static bool IsPresent(HttpContext context)
    {
        var request = context.Request;
        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        var expected = context.RequestServices.GetRequiredService<IOptions<NotifyOptions>>().Value.AdminKey;
        return Matches(given, expected);
    }

    /// <summary>
    /// Compares SHA-256 digests, which are always 32 bytes: <see cref="CryptographicOperations.FixedTimeEquals"/> returns
    /// at once on a length mismatch, so comparing the keys themselves would tell a caller how long the key is.
    /// </summary>
    public static bool Matches(string? given, string expected) =>
        expected.Length > 0 && given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
