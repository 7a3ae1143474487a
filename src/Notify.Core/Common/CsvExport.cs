using System.Globalization;
using System.Text;
using CsvHelper;

namespace Notify.Common;

/// <summary>
/// Writes rows as RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens Korean text correctly;
/// CsvHelper quotes commas, quotes and newlines, and text that a spreadsheet would run as a formula is neutralised.
/// </summary>
public static class CsvExport
{
    /// <summary>The media type of an export.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Streams <paramref name="rows"/> to <paramref name="output"/> under a header of the column names.</summary>
    public static async Task WriteAsync<T>(Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, CancellationToken ct)
    {
        // The first read happens before a byte is written, so storage failing at once can still be answered as a 503.
        await using var row = rows.WithCancellation(ct).GetAsyncEnumerator();
        var more = await row.MoveNextAsync();
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }
        await csv.NextRecordAsync();
        for (; more; more = await row.MoveNextAsync())
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Verbatim ? Format(column.Value(row.Current)) : Neutralise(Format(column.Value(row.Current))));
            }
            await csv.NextRecordAsync();
        }
    }

    // OWASP CSV injection: a spreadsheet runs a cell that starts with one of these as a formula, so such text gets a
    // leading apostrophe, which spreadsheets show as text and do not display. Full-width forms count too (Excel folds them).
    private static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠' ? "'" + cell : cell;

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>One CSV column: its header and how to read it from a row.</summary>
/// <param name="Header">The column's name in the header row.</param>
/// <param name="Value">Reads the cell from a row.</param>
/// <param name="Verbatim">
/// True for values Notify made itself and checked (ids, E.164 phones, times, amounts): written as they are. Anything a
/// person typed is neutralised against formula injection.
/// </param>
public sealed record CsvColumn<T>(string Header, Func<T, object?> Value, bool Verbatim = false);
