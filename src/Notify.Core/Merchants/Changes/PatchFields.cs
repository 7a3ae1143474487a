namespace Notify.Merchants.Changes;

/// <summary>Which profile fields a JSON merge patch may carry, by who sends it.</summary>
public static class PatchFields
{
    /// <summary>Everything an operator may change (<c>PATCH /api/admin/merchants/{id}</c>).</summary>
    public static readonly IReadOnlySet<string> Operator = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "timeZone", "locale", "channels", "webhookUrl", "alertContact", "kakao", "active", "retentionDays",
    };

    /// <summary>What a shop owner may change herself (<c>PATCH /api/merchants/{id}/settings</c>): not her name, state or retention.</summary>
    public static readonly IReadOnlySet<string> Merchant = new HashSet<string>(StringComparer.Ordinal)
    {
        "channels", "webhookUrl", "alertContact", "kakao", "locale", "timeZone",
    };
}
