using System.Globalization;
using System.Text;
using CsvHelper;

namespace Notify.Common;

/// <summary>
/// Writes rows as RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens Korean text correctly;
/// CsvHelper quotes commas, quotes and newlines.
/// </summary>
public static class CsvExport
{
    /// <summary>The media type of an export.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Streams <paramref name="rows"/> to <paramref name="output"/> under a header of the column names.</summary>
    public static async Task WriteAsync<T>(Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in columns)
            {
                csv.WriteField(Format(column.Value(row)));
            }
            await csv.NextRecordAsync();
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>One CSV column: its header and how to read it from a row.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, object?> Value);
