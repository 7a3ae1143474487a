namespace Notify.Channels.Templates;

/// <summary>The wording for each language.</summary>
internal static class Wordings
{
    public static IWording For(TemplateLanguage language) =>
        language == TemplateLanguage.Korean ? KoreanWording.Instance : EnglishWording.Instance;
}
