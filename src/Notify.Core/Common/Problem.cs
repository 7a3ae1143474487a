namespace Notify.Common;

/// <summary>An RFC 9457 problem: what went wrong, for the caller to read. Nothing is written when one is returned.</summary>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Title">A short, stable summary of the kind of problem.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong this time.</param>
/// <param name="Errors">Field errors keyed by JSON path (<c>customer.phone</c>), for validation problems.</param>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    private const string Base = "https://notify.dev/problems/";

    /// <summary>The body could not be read as JSON.</summary>
    public static Problem MalformedJson(string detail) => new(Base + "malformed-json", "The body is not valid JSON.", 400, detail);

    /// <summary>A query parameter or header is out of range.</summary>
    public static Problem BadRequest(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(Base + "bad-request", "The request is not valid.", 400, detail, errors);

    /// <summary>The body parsed, but fields are missing or wrong.</summary>
    public static Problem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(Base + "validation", "One or more fields are invalid.", 422, "See errors for each field.", errors);

    /// <summary>The caller could not be authenticated; says nothing about whether the resource exists.</summary>
    public static Problem Unauthorized(string detail) => new(Base + "unauthorized", "Authentication failed.", 401, detail);

    /// <summary>The caller is known but may not do this.</summary>
    public static Problem Forbidden(string detail) => new(Base + "forbidden", "Not allowed.", 403, detail);

    /// <summary>The resource does not exist in the caller's own data.</summary>
    public static Problem NotFound(string detail) => new(Base + "not-found", "Not found.", 404, detail);

    /// <summary>The request conflicts with what is stored.</summary>
    public static Problem Conflict(string detail) => new(Base + "conflict", "Conflict with stored state.", 409, detail);

    /// <summary>The body is larger than the route accepts.</summary>
    public static Problem TooLarge(int limitBytes) =>
        new(Base + "too-large", "The body is too large.", 413, $"Bodies are limited to {limitBytes / 1024} KiB.");

    /// <summary>A dependency (storage) cannot be reached: nothing was decided, so the caller should retry after <paramref name="retryAfter"/>.</summary>
    public static Problem Unavailable(TimeSpan retryAfter) => new(
        Base + "unavailable", "Temporarily unavailable.", 503,
        $"Storage cannot be reached. Retry after {(int)retryAfter.TotalSeconds} seconds; a retried order with the same webhook-id gets the first answer.")
    {
        RetryAfter = retryAfter,
    };

    /// <summary>This instance is taking as many requests as it may at once: nothing was read or written; retry soon.</summary>
    public static Problem Busy(TimeSpan retryAfter) => new(
        Base + "busy", "Too busy.", 503,
        $"Too many orders at once. Retry after {(int)retryAfter.TotalSeconds} seconds; a retried order with the same webhook-id gets the first answer.")
    {
        RetryAfter = retryAfter,
    };

    /// <summary>For a 503, how long to wait before retrying (the <c>Retry-After</c> header).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The body's media type is not accepted.</summary>
    public static Problem UnsupportedMediaType(string detail) =>
        new(Base + "unsupported-media-type", "Unsupported media type.", 415, detail);

    /// <summary>The service cannot take this request now (a dependency or a setting is missing); try again later.</summary>
    public static Problem Unavailable(string detail) => new(Base + "unavailable", "Service unavailable.", 503, detail)
    {
        RetryAfter = TimeSpan.FromSeconds(60),
    };
}
