using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Notify.Common;

namespace Notify.Receipts;

/// <summary>
/// Reads a Twilio status callback's body only once it could be Twilio's: signed, urlencoded, small. A callback is a
/// dozen short fields, so anything much bigger is refused before it costs memory or log lines.
/// </summary>
public static class ReceiptForm
{
    /// <summary>The largest body read.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>The most fields read; Twilio sends about twenty.</summary>
    public const int MaxFields = 128;

    private const string UrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>
    /// The form's fields, or the problem: 401 without a signature, 415 for another media type, 413 over
    /// <see cref="MaxBytes"/>, 400 for more than <see cref="MaxFields"/> fields or a body that is not a form.
    /// </summary>
    public static async Task<Result<IReadOnlyDictionary<string, string>>> ReadAsync(
        string? signature, string? contentType, long? contentLength, Stream body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return Problem.Unauthorized("X-Twilio-Signature is missing.");
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.MediaType.Equals(UrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            return Problem.UnsupportedMediaType($"Send the callback as {UrlEncoded}.");
        }
        if (contentLength > MaxBytes || await BodyReader.ReadAsync(body, MaxBytes, ct) is not { } bytes)
        {
            return Problem.TooLarge(MaxBytes);
        }
        try
        {
            using var reader = new FormReader(Encoding.UTF8.GetString(bytes)) { ValueCountLimit = MaxFields };
            var fields = await reader.ReadFormAsync(ct);
            return Result<IReadOnlyDictionary<string, string>>.Ok(fields.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        }
        catch (InvalidDataException)
        {
            return Problem.BadRequest($"A callback has at most {MaxFields} fields.");
        }
    }
}
