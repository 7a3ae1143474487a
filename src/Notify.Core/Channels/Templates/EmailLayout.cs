using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Notify.Channels.Templates;

/// <summary>Lays out an e-mail twice, as plain text and as simple HTML, from the same lead, rows and footer.</summary>
internal static class EmailLayout
{
    // Encodes markup characters but leaves Korean readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailContent Render(string lang, string subject, string lead, IReadOnlyList<EmailRow> rows, string footer)
    {
        var text = new StringBuilder().Append(lead).Append("\n\n");
        var html = new StringBuilder()
            .Append($"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><title>{Html.Encode(subject)}</title></head>\n<body>\n")
            .Append($"<p>{Html.Encode(lead)}</p>\n<table>\n");
        foreach (var row in rows)
        {
            text.Append(row.Lines.Count == 1
                ? $"{row.Label}: {row.Lines[0]}\n"
                : $"{row.Label}:\n{string.Concat(row.Lines.Select(l => $"- {l}\n"))}");
            html.Append($"<tr><th align=\"left\" valign=\"top\">{Html.Encode(row.Label)}</th><td>")
                .AppendJoin("<br>", row.Lines.Select(Html.Encode))
                .Append("</td></tr>\n");
        }
        text.Append('\n').Append(footer).Append('\n');
        html.Append($"</table>\n<p>{Html.Encode(footer)}</p>\n</body>\n</html>\n");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }
}
