using Notify.Channels;
using Notify.Channels.Health;
using Notify.Common;
using Notify.Receipts;

namespace Notify.Operations;

/// <summary>What a load balancer or a probe reads at <c>GET /api/health</c>: no merchant, no customer, nothing secret.</summary>
/// <param name="Status"><c>ok</c>, or <c>degraded</c> while a shared channel is not up or Twilio receipts are refused.</param>
/// <param name="Storage"><c>ok</c>: storage answered this very request.</param>
/// <param name="Channels">Each channel's state (<c>up</c>, <c>down</c>, <c>probing</c>); a merchant's webhook is always up.</param>
/// <param name="TwilioReceipts"><c>accepted</c>, or <c>refused</c> while the Twilio auth token is missing or an unresolved reference.</param>
public sealed record HealthReport(string Status, string Storage, IReadOnlyDictionary<string, string> Channels, string TwilioReceipts);

/// <summary>Builds the <see cref="HealthReport"/> from one fresh read of the shared channel rows, which is also the storage probe.</summary>
public sealed class HealthCheck(ChannelHealth health, ReceiptService receipts)
{

    /// <summary>The report; throws what storage throws when it cannot be reached (the caller answers 503).</summary>
    public async Task<HealthReport> ReadAsync(CancellationToken ct)
    {
        var states = ChannelNames.All.ToDictionary(c => c, _ => ChannelState.Up.Stored());
        // Past the cache on purpose: a probe must see storage answer now.
        foreach (var (channel, row) in await health.ReadAsync(ct, fresh: true))
        {
            if (states.ContainsKey(channel))
            {
                states[channel] = row.State;
            }
        }
        var receiptsAccepted = receipts.TwilioReceiptsConfigured;
        var degraded = !receiptsAccepted || states.Values.Any(s => s != ChannelState.Up.Stored());
        return new HealthReport(degraded ? "degraded" : "ok", "ok", states, receiptsAccepted ? "accepted" : "refused");
    }
}
