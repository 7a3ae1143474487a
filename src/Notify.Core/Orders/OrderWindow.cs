using System.Globalization;
using Notify.Common;
using Notify.Storage;

namespace Notify.Orders;

/// <summary>The query string of an order listing: a window of accepted times, a status, a page.</summary>
public sealed record OrderWindow(DateTimeOffset? From, DateTimeOffset? To, string? Status, PageRequest Page)
{
    /// <summary>Reads the listing's query parameters; every bad one is reported at once.</summary>
    public static Result<OrderWindow> Parse(string? from, string? to, string? status, string? limit, string? continuation)
    {
        var errors = new Dictionary<string, string[]>();
        var fromAt = ParseTime(from, "from", errors);
        var toAt = ParseTime(to, "to", errors);
        if (fromAt > toAt)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }
        if (status is not null && !StoredName<Delivery.ConfirmationStatus>.All.Contains(status))
        {
            errors["status"] = [$"Use one of {string.Join(", ", StoredName<Delivery.ConfirmationStatus>.All)}."];
        }
        var page = PageRequest.Parse(limit, continuation, errors);
        if (errors.Count > 0)
        {
            return Problem.BadRequest("The query string is not valid.", errors);
        }
        return new OrderWindow(fromAt, toAt, status, page);
    }

    private static DateTimeOffset? ParseTime(string? raw, string name, Dictionary<string, string[]> errors)
    {
        if (raw is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }
        errors[name] = ["Use an ISO 8601 time such as 2026-11-28T00:00:00+09:00."];
        return null;
    }
}
