using System.Text.Json;
using Microsoft.Extensions.Options;
using Notify.KakaoSandbox.Modes;
using Notify.KakaoSandbox.Reports;

namespace Notify.KakaoSandbox.Messages;

/// <summary>POST /messages/v4/send-many/detail: what the SDK's <c>send</c> calls.</summary>
internal static class SendMessages
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, MessageLog log, ModeBoard modes, MessageResults results, TimeProvider clock, IOptions<KakaoSandboxOptions> options)
    {
        SendRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<SendRequest>(SolapiJson.Options, http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a body that is not declared as JSON.
            return SolapiError.Result(StatusCodes.Status400BadRequest, "ValidationError", $"JSON 형식이 올바르지 않습니다: {e.Message}");
        }
        if (request?.Messages is not { Count: > 0 } messages)
        {
            return SolapiError.Result(StatusCodes.Status400BadRequest, "ValidationError", "messages 에 1건 이상의 메시지를 넣어주세요.");
        }

        var recipients = messages.SelectMany(m => m.Recipients().Select(to => (Message: m, To: to, E164: E164(to, m)))).ToList();
        // A provider that fails, throttles or hangs does so for the whole request, as an HTTP answer.
        if (recipients.Select(r => (r.E164, Rule: modes.For(r.E164))).FirstOrDefault(r => r.Rule.Refuses) is { Rule: not null } refused)
        {
            foreach (var r in recipients)
            {
                modes.CountRefusal(r.E164);
            }
            return await Refusal.AnswerAsync(refused.Rule, http, options.Value, clock);
        }

        var now = clock.GetUtcNow();
        var accountId = options.Value.AccountId;
        var groupId = SolapiIds.Group(now);
        List<MessageResult> accepted = [], failed = [];
        foreach (var (message, to, e164) in recipients)
        {
            var messageId = SolapiIds.Message(now);
            var refusal = MessageCheck.Refusal(message, to);
            var code = refusal ?? SolapiCodes.Accepted;
            (refusal is null ? accepted : failed).Add(new MessageResult(
                to, message.From ?? "", "ATA", message.Country ?? KoreanPhone.DefaultCountry, messageId, code,
                SolapiCodes.Describe(code), accountId, message.CustomFields ?? []));
            if (refusal is null)
            {
                var kakao = message.KakaoOptions!;
                var stored = new SandboxMessage(
                    messageId, groupId, e164, to, message.Country ?? KoreanPhone.DefaultCountry, message.From, MessageCheck.Text(message),
                    kakao.PfId!, kakao.TemplateId!, kakao.Variables ?? [], message.CustomFields ?? [], kakao.DisableSms ?? false, now);
                log.Add(stored);
                results.Schedule(stored, modes.For(e164));
            }
        }

        return Results.Json(
            SendAnswer.Of(groupId, accountId, accepted, failed, request.AllowDuplicates ?? false, request.ShowMessageList ?? false, now),
            SolapiJson.Options);
    }

    private static string E164(string to, MessageRequest message)
    {
        var digits = to.Replace("-", "", StringComparison.Ordinal);
        return KoreanPhone.ToE164(digits, message.Country ?? KoreanPhone.DefaultCountry);
    }
}
