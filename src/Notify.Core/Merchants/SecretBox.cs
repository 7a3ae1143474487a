using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Notify.Configuration;

namespace Notify.Merchants;

/// <summary>
/// Encrypts merchants' webhook secrets at rest (AES-256-GCM under a key derived from <c>Notify:SecretKey</c>), so a
/// copy of the Merchants table alone cannot sign orders. Each sealed value is bound to its merchant: moved to another
/// merchant's row, it does not open.
/// </summary>
public sealed class SecretBox
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12, TagSize = 16;
    private readonly byte[] _sealKey;

    /// <summary>Reads the key; throws when it is missing or not base64 of 32 bytes.</summary>
    public SecretBox(IOptions<NotifyOptions> options)
    {
        var master = ParseKey(options.Value.SecretKey)
                     ?? throw new InvalidOperationException("Notify:SecretKey must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
        _sealKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "notify/webhook-secrets"u8.ToArray());
        CustomerIdKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "notify/customer-ids"u8.ToArray());
    }

    /// <summary>A key of its own for customer ids, derived from the same setting.</summary>
    public byte[] CustomerIdKey { get; }

    /// <summary>The 32 bytes of a well-formed key, else null.</summary>
    public static byte[]? ParseKey(string? base64)
    {
        var bytes = new byte[48];
        return base64 is not null && Convert.TryFromBase64String(base64.Trim(), bytes, out var n) && n == 32 ? bytes[..32] : null;
    }

    /// <summary>The sealed form of <paramref name="secret"/>, for <paramref name="merchantId"/>'s row only.</summary>
    public string Seal(string merchantId, string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Context(merchantId));
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>Opens a value <see cref="Seal"/> made for <paramref name="merchantId"/>; throws when it was not.</summary>
    public string Open(string merchantId, string sealedValue)
    {
        if (!sealedValue.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Not a sealed secret.");
        }
        var input = Convert.FromBase64String(sealedValue[Prefix.Length..]);
        var length = input.Length - NonceSize - TagSize;
        if (length < 0)
        {
            throw new CryptographicException("Sealed secret too short.");
        }
        var plain = new byte[length];
        using var aes = new AesGcm(_sealKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, Context(merchantId));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Context(string merchantId) => Encoding.UTF8.GetBytes("merchant-webhook-secret|" + merchantId);
}
