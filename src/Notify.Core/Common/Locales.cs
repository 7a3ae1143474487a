using System.Globalization;

namespace Notify.Common;

/// <summary>Locale names such as <c>ko-KR</c>.</summary>
public static class Locales
{
    /// <summary>True for a culture .NET knows by that name.</summary>
    public static bool IsKnown(string locale)
    {
        try
        {
            return !CultureInfo.GetCultureInfo(locale, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
