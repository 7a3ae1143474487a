namespace Notify.Channels.Templates;

/// <summary>Picks the language of a message from the locales that may be known.</summary>
public static class LanguageChoice
{
    /// <summary>The first locale, in order, that names a language we write in; English when none does.</summary>
    public static TemplateLanguage For(params string?[] locales)
    {
        foreach (var locale in locales)
        {
            var language = locale?.Split('-', '_')[0].Trim().ToLowerInvariant();
            if (language == "ko")
            {
                return TemplateLanguage.Korean;
            }
            if (language == "en")
            {
                return TemplateLanguage.English;
            }
        }
        return TemplateLanguage.English;
    }
}
