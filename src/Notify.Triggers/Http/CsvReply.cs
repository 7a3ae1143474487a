using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Notify.Common;
using Notify.Storage;

namespace Notify.Triggers.Http;

/// <summary>Streams rows as a CSV download.</summary>
public sealed class CsvReply<T>(IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, string fileName) : IActionResult
{
    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = CsvExport.ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        try
        {
            await CsvExport.WriteAsync(response.Body, rows, columns, http.RequestAborted);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested && StorageOutage.IsOutage(ex))
        {
            Guard.Logger(http.Request).LogWarning(ex, "Storage unreachable during a CSV export of {Route}", http.Request.Path.Value);
            if (response.HasStarted)
            {
                // Half a file must not look like a whole one: break the connection instead of ending the body.
                http.Abort();
                return;
            }
            response.Headers.ContentDisposition = default;
            await new ProblemResult(Problem.Unavailable(StorageOutage.RetryAfter)).ExecuteResultAsync(context);
        }
    }
}
