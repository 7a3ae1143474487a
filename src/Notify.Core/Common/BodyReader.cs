namespace Notify.Common;

/// <summary>Reads a request body up to a limit, without trusting Content-Length.</summary>
public static class BodyReader
{
    /// <summary>The largest order body accepted.</summary>
    public const int OrderLimit = 64 * 1024;

    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
