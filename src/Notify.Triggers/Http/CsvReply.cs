using Microsoft.AspNetCore.Mvc;
using Notify.Common;

namespace Notify.Triggers.Http;

/// <summary>Streams rows as a CSV download.</summary>
public sealed class CsvReply<T>(IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, string fileName) : IActionResult
{
    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = CsvExport.ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await CsvExport.WriteAsync(response.Body, rows, columns, context.HttpContext.RequestAborted);
    }
}
