namespace Notify.Configuration;

/// <summary>Whether a secret setting holds a value the app may trust as a key.</summary>
public static class SecretSetting
{
    /// <summary>What App Service leaves in a setting whose Key Vault reference did not resolve.</summary>
    public const string UnresolvedReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>
    /// False when <paramref name="value"/> is empty or still the literal <c>@Microsoft.KeyVault(...)</c> text: the
    /// reference names a public vault, so that text is as good as public and must never sign or check anything.
    /// </summary>
    public static bool IsUsable(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !value.TrimStart().StartsWith(UnresolvedReferencePrefix, StringComparison.OrdinalIgnoreCase);
}
