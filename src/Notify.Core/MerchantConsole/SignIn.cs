namespace Notify.MerchantConsole;

/// <summary>The console's sign-in form: the merchant id and its API key.</summary>
public sealed record SignIn(string? MerchantId, string? ApiKey);

/// <summary>Who is signed in, as the console shows it; never the key.</summary>
public sealed record SessionView(
    string MerchantId, string Name, string Locale, string TimeZone, IReadOnlyList<string> Channels, DateTimeOffset ExpiresAt);

/// <summary>A session just started: the signed cookie value and what the console shows.</summary>
public sealed record StartedSession(string CookieValue, SessionView Session);
