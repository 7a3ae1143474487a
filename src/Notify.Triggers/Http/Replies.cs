using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Notify.Common;

namespace Notify.Triggers.Http;

/// <summary>Maps a service's <see cref="Result{T}"/> to a response: the problem, or the value as the function says.</summary>
public static class Replies
{
    /// <summary>200 with the value, or the problem.</summary>
    public static IActionResult Ok<T>(Result<T> result) => Map(result, v => new JsonReply(200, v!));

    /// <summary>The value mapped by <paramref name="onValue"/>, or the problem.</summary>
    public static IActionResult Map<T>(Result<T> result, Func<T, IActionResult> onValue) =>
        result.Problem is { } problem ? new ProblemResult(problem) : onValue(result.Value!);

    /// <summary>True when the caller asked for CSV: <c>?format=csv</c> or <c>Accept: text/csv</c>.</summary>
    public static bool WantsCsv(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
}
