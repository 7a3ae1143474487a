using System.Globalization;
using System.Security.Cryptography;

namespace Notify.KakaoSandbox.Messages;

/// <summary>Ids shaped like SOLAPI's: <c>M4V</c> or <c>G4V</c>, the time as yyyyMMddHHmmss, 15 random capitals or digits.</summary>
internal static class SolapiIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Message(DateTimeOffset now) => "M4V" + Stamp(now);

    public static string Group(DateTimeOffset now) => "G4V" + Stamp(now);

    private static string Stamp(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetString(Alphabet, 15);
}
