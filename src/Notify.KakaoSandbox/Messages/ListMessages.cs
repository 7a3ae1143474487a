using Microsoft.Extensions.Options;

namespace Notify.KakaoSandbox.Messages;

/// <summary>
/// GET /messages/v4/list: what the SDK's <c>getMessages</c> calls. Filters by <c>messageId</c>, <c>messageIds</c>,
/// <c>groupId</c>, <c>to</c> and <c>statusCode</c>; newest first, <c>limit</c> (default 20) per page, one page only.
/// </summary>
internal static class ListMessages
{
    public static IResult Handle(HttpRequest request, MessageLog log, IOptions<KakaoSandboxOptions> options)
    {
        var query = request.Query;
        var ids = query["messageIds"].Concat(query["messageIds[]"]).Append(query["messageId"].ToString())
            .Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        var limit = int.TryParse(query["limit"], out var asked) && asked is > 0 and <= 500 ? asked : 20;
        var matches = log.All()
            .Where(m => ids.Count == 0 || ids.Contains(m.MessageId))
            .Where(m => Matches(query["groupId"], m.GroupId))
            .Where(m => Matches(query["to"], m.RawTo) || Matches(query["to"], m.To))
            .Where(m => Matches(query["statusCode"], m.StatusCode))
            .Reverse()
            .Take(limit)
            .ToDictionary(m => m.MessageId, m => StoredMessageJson.Of(m, options.Value.AccountId));
        return Results.Json(new { startKey = (string?)null, nextKey = (string?)null, limit, messageList = matches }, SolapiJson.Options);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues filter, string value) =>
        string.IsNullOrEmpty(filter) || filter.ToString() == value;
}
