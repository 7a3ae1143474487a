namespace Notify.Merchants;

/// <summary>A rotated-out credential (a webhook secret, or an API key's hash) and when it stops working.</summary>
public sealed record Superseded(string Value, DateTimeOffset ValidUntil)
{
    /// <summary>True while it still works.</summary>
    public bool IsLive(DateTimeOffset now) => now < ValidUntil;
}
