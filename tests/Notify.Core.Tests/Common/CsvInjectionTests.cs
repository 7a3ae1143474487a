using System.Text;
using Notify.Common;
using Notify.Customers;

namespace Notify.Core.Tests.Common;

/// <summary>OWASP CSV injection: no typed text starts a cell with something a spreadsheet runs.</summary>
public sealed class CsvInjectionTests
{
    public static TheoryData<string> Formulas =>
    [
        "=HYPERLINK(\"https://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1", "\r=1+1", "\n=1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)",
    ];

    [Theory]
    [MemberData(nameof(Formulas))]
    public async Task Text_a_spreadsheet_would_run_is_prefixed_with_an_apostrophe(string text)
    {
        var cells = await WriteAsync(new ContactView("c_1", text, "+821012345678", "a@example.com", "ko-KR", "o1", text, DateTimeOffset.UnixEpoch));

        Assert.Equal("'" + text, cells["name"]);
        Assert.Equal("'" + text, cells["lastOrderNumber"]);
    }

    [Fact]
    public async Task Phones_are_kept_in_e164_and_given_in_national_format_beside_it()
    {
        var cells = await WriteAsync(new ContactView("c_1", "김민지", "+821012345678", null, null, "o1", "A-1", DateTimeOffset.UnixEpoch));

        Assert.Equal("+821012345678", cells["phone"]);
        Assert.Equal("010-1234-5678", cells["phoneNational"]);
        Assert.Equal("김민지", cells["name"]);
    }

    private static async Task<Dictionary<string, string>> WriteAsync(ContactView contact)
    {
        using var output = new MemoryStream();
        await CsvExport.WriteAsync(output, One(contact), ContactCsv.Columns, CancellationToken.None);
        using var reader = new CsvHelper.CsvReader(new StreamReader(new MemoryStream(output.ToArray()), Encoding.UTF8), System.Globalization.CultureInfo.InvariantCulture);
        await reader.ReadAsync();
        reader.ReadHeader();
        await reader.ReadAsync();
        return reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h)!);
    }

    private static async IAsyncEnumerable<ContactView> One(ContactView contact)
    {
        await Task.Yield();
        yield return contact;
    }
}
