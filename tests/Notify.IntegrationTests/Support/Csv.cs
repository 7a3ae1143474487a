using System.Globalization;
using CsvHelper;

namespace Notify.IntegrationTests.Support;

/// <summary>Reads CSV back with a real parser, as a spreadsheet would.</summary>
public static class Csv
{
    /// <summary>All rows, the header first.</summary>
    public static List<List<string>> Parse(string text)
    {
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i) ?? "").ToList());
        }
        return rows;
    }
}
