using System.Security.Cryptography;
using System.Text;
using Notify.Merchants;

namespace Notify.Customers.Erasure;

/// <summary>
/// Customer ids: <c>c_</c> and 32 hex digits, a keyed hash of the merchant and the customer's row. Opaque (a phone
/// number cannot be read from it or guessed into it without the server's key), so it is safe in URLs and logs.
/// </summary>
public sealed class CustomerIds(SecretBox box)
{
    /// <summary>The id of the customer stored under <paramref name="customerRowKey"/>.</summary>
    public string For(string merchantId, string customerRowKey) =>
        "c_" + Convert.ToHexStringLower(HMACSHA256.HashData(box.CustomerIdKey, Encoding.UTF8.GetBytes(merchantId + "\n" + customerRowKey)).AsSpan(0, 16));

    /// <summary>True for a string shaped like a customer id.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 34 } && id.StartsWith("c_", StringComparison.Ordinal) && !id.AsSpan(2).ContainsAnyExcept("0123456789abcdef");
}
