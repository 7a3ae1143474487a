using System.Globalization;
using Notify.Common;

namespace Notify.Damage;

/// <summary>The window a damage report covers: accepted times from <paramref name="From"/> up to <paramref name="To"/>.</summary>
public sealed record DamageWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The longest window one report covers (a quarter), so one request reads a bounded slice of the partition.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(92);

    /// <summary>Reads <c>from</c> (required) and <c>to</c> (default: now); every bad one is reported at once, as a 422.</summary>
    public static Result<DamageWindow> Parse(string? from, string? to, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var fromAt = Time(from, "from", errors, required: true);
        var toAt = Time(to, "to", errors, required: false) ?? now;
        if (fromAt is { } start && errors.Count == 0)
        {
            if (start > toAt)
            {
                errors["to"] = ["'to' must not be before 'from'."];
            }
            else if (toAt - start > Longest)
            {
                errors["to"] = [$"A report covers at most {Longest.TotalDays:0} days; ask for several windows."];
            }
        }
        return errors.Count > 0 ? Problem.Validation(errors) : new DamageWindow(fromAt!.Value, toAt);
    }

    private static DateTimeOffset? Time(string? raw, string name, Dictionary<string, string[]> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (required)
            {
                errors[name] = [$"'{name}' is required: an ISO 8601 time such as 2026-11-28T00:00:00+09:00."];
            }
            return null;
        }
        // Azure Tables holds no date before 1601; such a window cannot hold an order anyway.
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year >= 1601)
        {
            return at;
        }
        errors[name] = ["Use an ISO 8601 time such as 2026-11-28T00:00:00+09:00."];
        return null;
    }
}
