using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Notify.KakaoSandbox.Messages;

namespace Notify.KakaoSandbox.Inspection;

/// <summary>GET /sandbox: the AlimTalks newest first, for a developer's browser.</summary>
internal static class MessagePage
{
    // The default encoder would turn Hangul into numeric entities; this one escapes only markup.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static void MapMessagePage(this IEndpointRouteBuilder app) =>
        app.MapGet("/sandbox", (MessageLog log) => Results.Content(Render(log.All()), "text/html", Encoding.UTF8));

    private static string Render(IReadOnlyList<SandboxMessage> messages)
    {
        var page = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>KakaoTalk sandbox</title>
            <style>body{font-family:sans-serif}td,th{padding:4px 8px;text-align:left;vertical-align:top}td.t{white-space:pre-line}</style>
            </head><body><h1>KakaoTalk sandbox (SOLAPI AlimTalk)</h1>
            <table><thead><tr><th>time (UTC)</th><th>to</th><th>channel / template</th><th>text</th><th>status</th></tr></thead><tbody>

            """);
        foreach (var m in messages.Reverse())
        {
            var status = $"{SandboxMessageView.Word(m.StatusCode)} ({m.StatusCode})";
            page.Append(CultureInfo.InvariantCulture, $"<tr><td>{m.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{Html.Encode(m.To)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Html.Encode(m.PfId)}<br>{Html.Encode(m.TemplateId)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"t\">{Html.Encode(m.Text)}</td><td>{Html.Encode(status)}</td></tr>\n");
        }

        if (messages.Count == 0)
        {
            page.Append("<tr><td colspan=\"5\">No messages yet.</td></tr>\n");
        }

        return page.Append("</tbody></table></body></html>\n").ToString();
    }
}
