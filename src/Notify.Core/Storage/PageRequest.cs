using Notify.Common;

namespace Notify.Storage;

/// <summary>A page size and where to continue from.</summary>
public sealed record PageRequest(int Limit, string? Token)
{
    /// <summary>The default page size.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>limit</c> and <c>continuationToken</c>, adding an error for a bad limit.</summary>
    public static PageRequest Parse(string? limit, string? token, Dictionary<string, string[]> errors)
    {
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Use a whole number from 1 to {MaxLimit}."];
        }
        return new PageRequest(size, string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>Reads a page request on its own.</summary>
    public static Result<PageRequest> Parse(string? limit, string? token)
    {
        var errors = new Dictionary<string, string[]>();
        var page = Parse(limit, token, errors);
        return errors.Count > 0 ? Problem.BadRequest("The query string is not valid.", errors) : page;
    }
}
