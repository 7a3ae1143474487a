namespace Notify.Merchants;

/// <summary>A merchant's KakaoTalk channel and its approved confirmation template (AlimTalk).</summary>
/// <param name="PfId">The KakaoTalk channel's profile id (SOLAPI's <c>pfId</c>).</param>
/// <param name="TemplateId">The approved AlimTalk template for order confirmations.</param>
public sealed record KakaoSettings(string PfId, string TemplateId);
