using System.Text;
using Azure;
using Notify.Common;

namespace Notify.Storage;

/// <summary>Paging over table queries with continuation tokens that are safe in a URL.</summary>
public static class PageTokens
{
    /// <summary>
    /// Reads one page. The token is the SDK's own, base64url-encoded; the query's partition filter still applies,
    /// so a token made up by hand can at worst skip ahead within the caller's own data.
    /// </summary>
    public static async Task<Result<Listing<TView>>> ReadPageAsync<TEntity, TView>(
        AsyncPageable<TEntity> query, string? token, int limit, Func<TEntity, TView> map)
        where TEntity : notnull
    {
        string? sdkToken = null;
        if (token is not null && (token.Length > MaxTokenLength || (sdkToken = Decode(token)) is null))
        {
            return Problem.BadRequest("continuationToken is not valid.");
        }
        try
        {
            await foreach (var page in query.AsPages(sdkToken, limit))
            {
                return new Listing<TView>(page.Values.Select(map).ToList(), page.ContinuationToken is { } next ? Encode(next) : null);
            }
            return new Listing<TView>([], null);
        }
        catch (Exception ex) when (token is not null && ex is RequestFailedException { Status: >= 400 and < 500 } or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            // A token made up by hand: whatever the SDK or the service makes of it, the caller sent a bad request.
            return Problem.BadRequest("continuationToken is not valid.");
        }
    }

    // The SDK's tokens are two keys, each far below 1 KiB; anything longer was not made here.
    private const int MaxTokenLength = 2048;

    private static string Encode(string token) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - base64.Length % 4) % 4), '=');
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var n) ? Encoding.UTF8.GetString(bytes, 0, n) : null;
    }
}
