using Notify.KakaoSandbox.Messages;
using Notify.KakaoSandbox.Modes;

namespace Notify.KakaoSandbox.Reports;

/// <summary>The status codes one accepted message goes through after 2000, reported in this order.</summary>
internal sealed record ResultPlan(string MessageId, IReadOnlyList<string> Codes)
{
    public static ResultPlan? For(SandboxMessage message, ModeRule rule) => rule.Mode switch
    {
        SandboxMode.Normal => new(message.MessageId, [SolapiCodes.Sending, SolapiCodes.Delivered]),
        SandboxMode.Undelivered => new(message.MessageId, [SolapiCodes.Sending, rule.Code ?? SolapiCodes.ServerError]),
        SandboxMode.NotKakaoUser => new(message.MessageId, [SolapiCodes.Sending, SolapiCodes.NotKakaoUser]),
        _ => null,
    };
}
