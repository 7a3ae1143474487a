using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Common;
using Notify.Configuration;

namespace Notify.Storage;

/// <summary>
/// Paging over table queries with opaque continuation tokens. The SDK's token names the next row (for customers, a phone
/// or an e-mail address), so it is sealed with AES-GCM under <c>Notify:PageTokenKey</c> and bound to the query it came
/// from: nothing personal reaches URLs or access logs, and a token that was altered or made for another query is a 400.
/// </summary>
public sealed class PageTokens
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <summary>Derives the sealing key from <c>Notify:PageTokenKey</c>, or makes one for this process when it is not set.</summary>
    public PageTokens(IOptions<NotifyOptions> options, ILogger<PageTokens> logger)
    {
        var configured = options.Value.PageTokenKey;
        if (SecretSetting.IsUsable(configured))
        {
            _key = SHA256.HashData(Encoding.UTF8.GetBytes("notify/page-tokens/v1\n" + configured));
        }
        else
        {
            // Still opaque and tamper-proof, but another instance or a restart cannot read this one's tokens.
            logger.LogWarning("Configuration: Notify:PageTokenKey is not set; continuation tokens are sealed with a key of this process only.");
            _key = RandomNumberGenerator.GetBytes(32);
        }
    }

    /// <summary>
    /// Reads one page. <paramref name="scope"/> names the query (its filter); a token is only accepted for the scope it
    /// was made for. The query's partition filter still applies whatever the token says.
    /// </summary>
    public async Task<Result<Listing<TView>>> ReadPageAsync<TEntity, TView>(
        AsyncPageable<TEntity> query, string? token, int limit, Func<TEntity, TView> map, string scope)
        where TEntity : notnull
    {
        string? sdkToken = null;
        if (token is not null && (sdkToken = Open(token, scope)) is null)
        {
            return Problem.BadRequest("continuationToken is not valid.");
        }
        try
        {
            await foreach (var page in query.AsPages(sdkToken, limit))
            {
                return new Listing<TView>(page.Values.Select(map).ToList(), page.ContinuationToken is { } next ? Seal(next, scope) : null);
            }
            return new Listing<TView>([], null);
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            return Problem.BadRequest("continuationToken is not valid.");
        }
    }

    /// <summary>The SDK's token sealed for <paramref name="scope"/>, base64url.</summary>
    public string Seal(string sdkToken, string scope)
    {
        var plain = Encoding.UTF8.GetBytes(sdkToken);
        var sealedBytes = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(1 + NonceSize + TagSize), sealedBytes.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(scope));
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The SDK's token, or null when <paramref name="token"/> was not sealed here for <paramref name="scope"/>.</summary>
    public string? Open(string token, string scope)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        if (sealedBytes.Length < 1 + NonceSize + TagSize || sealedBytes[0] != Version)
        {
            return null;
        }
        var plain = new byte[sealedBytes.Length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(1, NonceSize), sealedBytes.AsSpan(1 + NonceSize + TagSize), sealedBytes.AsSpan(1 + NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(scope));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }
}
