using Notify.Common;

namespace Notify.Channels.Health;

/// <summary>A channel's health and its outage ledger, as operators read it at <c>GET /api/channels</c>.</summary>
public sealed record ChannelView(
    string Channel,
    string State,
    DateTimeOffset? CooldownUntil,
    string? LastError,
    OutageView? CurrentOutage,
    IReadOnlyList<OutageView> Outages);

/// <summary>One outage: when, how bad, and how the deliveries it hit were confirmed instead.</summary>
public sealed record OutageView(
    string Id,
    DateTimeOffset Start,
    DateTimeOffset? End,
    int Failures,
    int Affected,
    IReadOnlyDictionary<string, int> ConfirmedInstead,
    string? Error);

/// <summary>Builds the operator's view of every channel.</summary>
public sealed class ChannelsReport(ChannelHealth health, OutageLedger ledger)
{
    /// <summary>Each channel's state, its open outage, and its ledger (newest first).</summary>
    public async Task<IReadOnlyList<ChannelView>> ReadAsync(CancellationToken ct)
    {
        var rows = await health.ReadAsync(ct);
        var views = new List<ChannelView>();
        foreach (var channel in ChannelNames.All)
        {
            if (!ChannelHealth.Shared.Contains(channel))
            {
                // Each merchant's webhook is its own endpoint: nothing shared to be down.
                views.Add(new ChannelView(channel, ChannelState.Up.Stored(), null, null, null, []));
                continue;
            }
            rows.TryGetValue(channel, out var row);
            var current = row?.OutageId is { } id
                ? new OutageView(id, row.OutageStart!.Value, null, row.OutageFailures, row.OutageAffected, Counts(row.ConfirmedInsteadJson), row.LastError)
                : null;
            var outages = (await ledger.ReadAsync(channel, ct))
                .GroupBy(l => l.OutageId)
                .Select(g => g.FirstOrDefault(l => l.Event == "closed") ?? g.First())
                .Select(l => new OutageView(l.OutageId, l.Start, l.End, l.Failures, l.Affected, Counts(l.ConfirmedInsteadJson), l.Error))
                .OrderByDescending(o => o.Start)
                .ToList();
            views.Add(new ChannelView(channel, row?.State ?? ChannelState.Up.Stored(), row?.CooldownUntil, row?.LastError, current, outages));
        }
        return views;
    }

    private static IReadOnlyDictionary<string, int> Counts(string json) => Json.Deserialize<Dictionary<string, int>>(json);
}
