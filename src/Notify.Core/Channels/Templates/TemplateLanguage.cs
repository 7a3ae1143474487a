namespace Notify.Channels.Templates;

/// <summary>The languages messages are written in.</summary>
public enum TemplateLanguage
{
    /// <summary>English, the fallback.</summary>
    English,
    /// <summary>Korean (<c>ko</c>, <c>ko-KR</c>).</summary>
    Korean,
}
