using System.Text.Json;
using Notify.Channels;
using Notify.Common;

namespace Notify.Merchants.Changes;

/// <summary>A channel chain a merchant can actually use.</summary>
public static class ChainRules
{
    private static readonly IReadOnlyList<string> Known = ChannelNames.All;

    /// <summary>The chain in <paramref name="value"/>: known names, each at most once; null with an error otherwise.</summary>
    public static IReadOnlyList<string>? Read(JsonElement value, FieldErrors errors)
    {
        var message = $"List each of {string.Join(", ", Known)} at most once.";
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors.Add("channels", message);
            return null;
        }
        var chain = value.EnumerateArray().Select(e => e.GetString()!.Trim().ToLowerInvariant()).ToList();
        if (chain.Count == 0 || chain.Any(n => !Known.Contains(n)) || chain.Distinct().Count() != chain.Count)
        {
            errors.Add("channels", message);
            return null;
        }
        return chain;
    }

    /// <summary>
    /// Adds an error for each channel of <paramref name="merchant"/>'s chain it cannot use: one this deployment does
    /// not run, or <c>kakao</c> without Kakao settings.
    /// </summary>
    public static void CheckUsable(Merchant merchant, ChannelRegistry channels, FieldErrors errors)
    {
        foreach (var name in merchant.Channels)
        {
            if (!channels.TryGet(name, out _))
            {
                errors.Add("channels", $"The '{name}' channel is not available on this deployment.");
            }
            else if (name == ChannelNames.Kakao && merchant.Kakao is null)
            {
                errors.Add("channels", "A chain with 'kakao' needs Kakao settings: kakao {pfId, templateId}.");
            }
        }
    }
}
