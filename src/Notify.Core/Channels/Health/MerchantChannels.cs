using Notify.Common;
using Notify.Merchants;

namespace Notify.Channels.Health;

/// <summary>One channel of a merchant's chain as the merchant sees it: its state and since when, nothing about other merchants.</summary>
/// <param name="Channel">The channel name.</param>
/// <param name="State"><c>up</c>, <c>down</c> or <c>probing</c>.</param>
/// <param name="Shared">True for a provider every merchant shares (its state is everybody's); false for the merchant's own webhook.</param>
/// <param name="Since">When the current outage began, while the channel is not up.</param>
public sealed record MerchantChannelView(string Channel, string State, bool Shared, DateTimeOffset? Since);

/// <summary>The health of the channels a merchant uses, for the console's banner.</summary>
public sealed class MerchantChannels(MerchantAuth auth, ChannelHealth health)
{
    /// <summary>Each channel of the merchant's chain, in its order.</summary>
    public async Task<Result<IReadOnlyList<MerchantChannelView>>> ReadAsync(string merchantId, string? authorization, CancellationToken ct)
    {
        var merchant = await auth.AuthenticateAsync(merchantId, authorization, ct);
        if (merchant.Problem is { } denied)
        {
            return denied;
        }
        var rows = await health.ReadAsync(ct);
        return merchant.Value!.Channels.Select(channel =>
        {
            var shared = ChannelHealth.Shared.Contains(channel);
            var row = shared && rows.TryGetValue(channel, out var r) ? r : null;
            var state = row?.State ?? ChannelState.Up.Stored();
            return new MerchantChannelView(channel, state, shared, state == ChannelState.Up.Stored() ? null : row!.OutageStart);
        }).ToList();
    }
}
