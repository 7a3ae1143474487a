using System.Globalization;

namespace Notify.Intake;

/// <summary>ISO 4217 codes and how many minor digits each allows.</summary>
public static class Currencies
{
    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    // Currencies without minor units (ISO 4217 exponent 0) and with three; the rest use two.
    private static readonly HashSet<string> Whole = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];
    private static readonly HashSet<string> Thousandths = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>True for a current ISO 4217 code in upper case.</summary>
    public static bool IsKnown(string code) => Known.Contains(code) || Whole.Contains(code) || Thousandths.Contains(code);

    /// <summary>The number of decimal places an amount in <paramref name="code"/> may have.</summary>
    public static int MinorDigits(string code) => Whole.Contains(code) ? 0 : Thousandths.Contains(code) ? 3 : 2;

    /// <summary>True when <paramref name="amount"/> has no more decimals than the currency allows.</summary>
    public static bool FitsMinorUnits(decimal amount, string code) => decimal.Round(amount, MinorDigits(code)) == amount;
}
