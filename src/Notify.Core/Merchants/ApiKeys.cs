using System.Security.Cryptography;
using System.Text;
using Notify.Common;

namespace Notify.Merchants;

/// <summary>Merchant API keys: shown once, stored only as a SHA-256 hash.</summary>
public static class ApiKeys
{
    /// <summary>A new key.</summary>
    public static string New() => "nk_" + Ids.NewToken(32);

    /// <summary>The stored form of a key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
