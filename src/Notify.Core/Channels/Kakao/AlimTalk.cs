namespace Notify.Channels.Kakao;

/// <summary>One AlimTalk to send.</summary>
/// <param name="To">The recipient's national number (<c>01012345678</c>).</param>
/// <param name="PfId">The merchant's KakaoTalk channel.</param>
/// <param name="TemplateId">The merchant's approved template.</param>
/// <param name="Variables">The template's variables by bare name (<c>shop</c>, not <c>#{shop}</c>).</param>
/// <param name="AttemptKey">Sent as the custom field <c>attempt</c>, which SOLAPI echoes in every listing of the message.</param>
public sealed record AlimTalk(string To, string PfId, string TemplateId, IReadOnlyDictionary<string, string> Variables, string AttemptKey);
