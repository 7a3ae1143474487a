using Notify.Common;
using Notify.Configuration;

namespace Notify.Channels.Health;

/// <summary>A change to a channel's health row, and the ledger line it writes once saved.</summary>
public sealed record HealthChange(ChannelHealthEntity Row, OutageRecord? Ledger);

/// <summary>
/// How a channel's health moves: pure functions of the row, the time and the settings, returning the changed row (and
/// any ledger line) or null when nothing changes. <see cref="ChannelHealth"/> reads, applies and saves them under ETags.
/// </summary>
public static class HealthRules
{
    /// <summary>
    /// A failure: counted in the window; at the threshold the channel goes down and an outage opens, but only when the
    /// failures look channel-wide: spread over more than one merchant, or with no delivery succeeding in the window at
    /// all. One shop whose customers' numbers fail, while other deliveries go through, never takes it down for everybody.
    /// </summary>
    public static HealthChange Fail(ChannelHealthEntity row, string? error, DateTimeOffset now, NotifyOptions o, string? merchantId = null)
    {
        row.LastError = error;
        if (row.Status != ChannelState.Up)
        {
            row.OutageFailures++;
            row.OutageAffected++;
            if (row.Status == ChannelState.Probing)
            {
                // A failed probe: down again for another cool-down.
                row.Status = ChannelState.Down;
                row.CooldownUntil = now + o.ChannelCooldown;
                row.Probes = 0;
            }
            return new HealthChange(row, null);
        }
        if (now - row.WindowStart > o.ChannelFailureWindow)
        {
            StartWindow(row, now);
        }
        row.WindowFailures++;
        var merchants = row.WindowMerchants.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (merchantId is not null && merchants.Count < MerchantsKept && merchants.Add(Tag(merchantId)))
        {
            row.WindowMerchants = string.Join(',', merchants);
        }
        if (row.WindowFailures < o.ChannelFailureThreshold || (merchants.Count < 2 && row.WindowSuccesses > 0))
        {
            return new HealthChange(row, null);
        }
        row.Status = ChannelState.Down;
        row.CooldownUntil = now + o.ChannelCooldown;
        row.Probes = 0;
        row.OutageId = Ids.NewTimeOrdered(now);
        row.OutageStart = now;
        row.OutageFailures = row.WindowFailures;
        row.OutageAffected = row.WindowFailures;
        row.ConfirmedInsteadJson = "{}";
        return new HealthChange(row, OutageLedger.Opened(row));
    }

    /// <summary>
    /// A success on a channel that is up, counted only while its window holds failures: the evidence that a failing
    /// merchant's trouble is its own. Null (no write) otherwise.
    /// </summary>
    public static HealthChange? Succeed(ChannelHealthEntity row, DateTimeOffset now, NotifyOptions o)
    {
        if (!CountsSuccess(row, now, o))
        {
            return null;
        }
        row.WindowSuccesses++;
        return new HealthChange(row, null);
    }

    /// <summary>
    /// True when a success on an up channel is worth writing: its window holds failures and no success yet. One is all
    /// <see cref="Fail"/> needs, so a troubled window costs one write, not one per delivery.
    /// </summary>
    public static bool CountsSuccess(ChannelHealthEntity row, DateTimeOffset now, NotifyOptions o) =>
        row.Status == ChannelState.Up && row.WindowFailures > 0 && row.WindowSuccesses == 0 && now - row.WindowStart <= o.ChannelFailureWindow;

    /// <summary>A success on a channel that was not up: it is back, and its outage closes.</summary>
    public static HealthChange? Recover(ChannelHealthEntity row, DateTimeOffset now)
    {
        if (row.Status == ChannelState.Up)
        {
            return null;
        }
        var closed = OutageLedger.Closed(row, now);
        row.Status = ChannelState.Up;
        StartWindow(row, now);
        row.CooldownUntil = null;
        row.Probes = 0;
        row.OutageId = null;
        row.OutageStart = null;
        row.OutageFailures = 0;
        row.OutageAffected = 0;
        row.ConfirmedInsteadJson = "{}";
        return new HealthChange(row, closed);
    }

    /// <summary>True when a delivery may probe the channel now: it is not up, its cool-down is over, a slot is left.</summary>
    public static bool CanProbe(ChannelHealthEntity row, DateTimeOffset now, NotifyOptions o) =>
        row.Status != ChannelState.Up && !(now < row.CooldownUntil) && row.Probes < o.ChannelProbes;

    /// <summary>
    /// One delivery may probe a channel that is down once its cool-down is over, up to the probe limit per cool-down.
    /// Taking the last slot starts the next cool-down with fresh slots: a probe whose send never reports back (a crash
    /// mid-send) must not leave the channel probing forever.
    /// </summary>
    public static HealthChange? ClaimProbe(ChannelHealthEntity row, DateTimeOffset now, NotifyOptions o)
    {
        if (!CanProbe(row, now, o))
        {
            return null;
        }
        row.Status = ChannelState.Probing;
        row.Probes++;
        if (row.Probes >= o.ChannelProbes)
        {
            row.CooldownUntil = now + o.ChannelCooldown;
            row.Probes = 0;
        }
        return new HealthChange(row, null);
    }

    /// <summary>A delivery passed over the channel while it was not up.</summary>
    public static HealthChange? Skipped(ChannelHealthEntity row)
    {
        if (row.Status == ChannelState.Up)
        {
            return null;
        }
        row.OutageAffected++;
        return new HealthChange(row, null);
    }

    /// <summary>
    /// <paramref name="count"/> deliveries that waited for the channel's receipts were given up when it went down: each
    /// a failure of the outage and a delivery it affected, counted in one write.
    /// </summary>
    public static HealthChange? GaveUp(ChannelHealthEntity row, int count)
    {
        if (row.Status == ChannelState.Up || count <= 0)
        {
            return null;
        }
        row.OutageFailures += count;
        row.OutageAffected += count;
        return new HealthChange(row, null);
    }

    /// <summary>A delivery that passed over the channel during its outage was confirmed by <paramref name="by"/>.</summary>
    public static HealthChange? Rescued(ChannelHealthEntity row, string by)
    {
        if (row.Status == ChannelState.Up)
        {
            return null;
        }
        var counts = Json.Deserialize<Dictionary<string, int>>(row.ConfirmedInsteadJson);
        counts[by] = counts.GetValueOrDefault(by) + 1;
        row.ConfirmedInsteadJson = Json.Serialize(counts);
        return new HealthChange(row, null);
    }

    // Enough to tell one merchant from several; the tags are short hashes, never ids.
    private const int MerchantsKept = 4;

    private static void StartWindow(ChannelHealthEntity row, DateTimeOffset now)
    {
        row.WindowStart = now;
        row.WindowFailures = 0;
        row.WindowSuccesses = 0;
        row.WindowMerchants = "";
    }

    private static string Tag(string merchantId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(merchantId)))[..8];
}
