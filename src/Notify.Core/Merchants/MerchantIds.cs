using System.Security.Cryptography;

namespace Notify.Merchants;

/// <summary>Merchant ids: <c>m_</c> and 16 lowercase hex digits, safe in a URL and as a partition key.</summary>
public static class MerchantIds
{
    /// <summary>A new random merchant id.</summary>
    public static string New() => "m_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>True for a string shaped like a merchant id; anything else cannot name a partition.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 18 } && id.StartsWith("m_", StringComparison.Ordinal) && id.AsSpan(2).ContainsAnyExcept("0123456789abcdef") is false;
}
