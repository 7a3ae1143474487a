using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Notify.Configuration;

namespace Notify.SelfHost.Http;

/// <summary>
/// Stands in for the Functions host's key check on non-anonymous functions: <c>x-functions-key</c> (or <c>?code=</c>)
/// must equal <c>Notify:AdminKey</c>. With no key configured, every such call is refused.
/// </summary>
public static class AdminKey
{
    /// <summary>The 401 for a missing or wrong key.</summary>
    public static readonly IResult Denied = Results.Problem(
        type: "https://notify.dev/problems/unauthorized", title: "Authentication failed.", statusCode: 401,
        detail: "Send the operator key in the x-functions-key header.");

    /// <summary>True when the request carries the configured operator key.</summary>
    public static bool IsPresent(HttpContext context)
    {
        var request = context.Request;
        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        var expected = context.RequestServices.GetRequiredService<IOptions<NotifyOptions>>().Value.AdminKey;
        return expected.Length > 0 && given is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
