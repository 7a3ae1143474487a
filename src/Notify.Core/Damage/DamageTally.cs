using Notify.Channels.Health;
using Notify.Common;
using Notify.Delivery;
using Notify.Orders;

namespace Notify.Damage;

/// <summary>Builds a <see cref="DamageReport"/> from rows already read. Pure, so every count is tested without storage.</summary>
public static class DamageTally
{
    /// <summary>The report of <paramref name="orders"/> (accepted in the window) against the week before and the ledger.</summary>
    /// <param name="window">The window.</param>
    /// <param name="timeZone">The merchant's IANA zone; UTC when unknown.</param>
    /// <param name="orders">The window's order rows, with their delivery columns.</param>
    /// <param name="weekEarlier">Accepted times of the orders one week before the window.</param>
    /// <param name="ledger">Ledger lines of the shared channels (any window; those that do not overlap are left out).</param>
    public static DamageReport Build(DamageWindow window, string timeZone, IReadOnlyList<OrderEntity> orders, IEnumerable<DateTimeOffset> weekEarlier, IEnumerable<OutageRecord> ledger)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var passedOver = new Dictionary<string, (int Failed, int Skipped)>();
        var confirmedInstead = new Dictionary<string, int>();
        var affected = new List<AffectedOrder>();
        var toConfirm = new List<long>();
        var reached = new HashSet<string>();
        var exhausted = new HashSet<string>();
        foreach (var order in orders)
        {
            var state = order.ReadDelivery();
            var customer = order.CustomerPhone ?? order.CustomerEmail?.ToLowerInvariant() ?? order.OrderId;
            if (state.Status == ConfirmationStatus.Confirmed)
            {
                reached.Add(customer);
                if (ConfirmingAttempt(state) is { } by)
                {
                    toConfirm.Add(Math.Max(0, (long)(by.At - order.AcceptedAt).TotalMilliseconds));
                }
            }
            else if (state.Status == ConfirmationStatus.Exhausted)
            {
                exhausted.Add(customer);
            }
            var (failed, skipped) = PassedOver(state);
            if (failed.Count == 0 && skipped.Count == 0)
            {
                continue;
            }
            foreach (var channel in failed)
            {
                passedOver[channel] = passedOver.GetValueOrDefault(channel) with { Failed = passedOver.GetValueOrDefault(channel).Failed + 1 };
            }
            foreach (var channel in skipped)
            {
                passedOver[channel] = passedOver.GetValueOrDefault(channel) with { Skipped = passedOver.GetValueOrDefault(channel).Skipped + 1 };
            }
            if (state.Status == ConfirmationStatus.Confirmed && state.ConfirmedBy is { } confirmer)
            {
                confirmedInstead[confirmer] = confirmedInstead.GetValueOrDefault(confirmer) + 1;
            }
            affected.Add(new AffectedOrder(order.OrderId, order.OrderNumber, order.AcceptedAt, order.CustomerName, state.Status.Stored(), failed, skipped,
                state.Status == ConfirmationStatus.Confirmed ? state.ConfirmedBy : null));
        }
        toConfirm.Sort();
        return new DamageReport(
            window.From, window.To, zone.Id, orders.Count, affected.Count,
            passedOver.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => new PassedOverCount(kv.Value.Failed, kv.Value.Skipped)),
            confirmedInstead.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(),
            exhausted.Count(c => !reached.Contains(c)),
            new TimeToConfirm(Percentile(toConfirm, 50), Percentile(toConfirm, 95), toConfirm.Count),
            Overlapping(window, ledger),
            Hourly(window, zone, orders.Select(o => o.AcceptedAt), weekEarlier),
            affected);
    }

    /// <summary>
    /// The channels a delivery failed on (failed or timed-out attempts) and those it went past untried because they
    /// were down: every chain channel before the latest attempt's with no attempt of its own, and, once exhausted,
    /// every one left untried.
    /// </summary>
    public static (IReadOnlyList<string> Failed, IReadOnlyList<string> Skipped) PassedOver(DeliveryState state)
    {
        var failed = state.Attempts.Where(a => a.Status is AttemptStatus.Failed or AttemptStatus.TimedOut).Select(a => a.Channel).Distinct().ToList();
        var reachedUpTo = state.Status == ConfirmationStatus.Exhausted || state.Current is null
            ? state.Chain.Count
            : state.Chain.ToList().IndexOf(state.Current.Channel);
        var skipped = state.Chain.Take(reachedUpTo < 0 ? 0 : reachedUpTo).Where(c => state.Attempts.All(a => a.Channel != c)).ToList();
        return state.Chain.Count == 0 ? ([], []) : (failed, skipped);
    }

    private static Attempt? ConfirmingAttempt(DeliveryState state) =>
        state.Attempts.FirstOrDefault(a => a.Status == AttemptStatus.Delivered && a.Channel == state.ConfirmedBy)
        ?? state.Attempts.FirstOrDefault(a => a.Status == AttemptStatus.Delivered);

    // Nearest rank: the smallest value with at least p% of the values at or below it.
    private static long? Percentile(List<long> sorted, int p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static List<OutageOverlap> Overlapping(DamageWindow window, IEnumerable<OutageRecord> ledger) =>
        ledger.GroupBy(l => (l.PartitionKey, l.OutageId))
            .Select(g => g.FirstOrDefault(l => l.Event == "closed") ?? g.First())
            .Where(l => l.Start < window.To && (l.End is not { } end || end > window.From))
            .OrderBy(l => l.Start)
            .Select(l => new OutageOverlap(l.PartitionKey, l.OutageId, l.Start, l.End, l.Failures, l.Affected))
            .ToList();

    // Hours of the merchant's wall clock; a week earlier is the same instant minus seven days, counted in this hour.
    private static List<HourCount> Hourly(DamageWindow window, TimeZoneInfo zone, IEnumerable<DateTimeOffset> accepted, IEnumerable<DateTimeOffset> weekEarlier)
    {
        var hours = new List<DateTimeOffset>();
        for (var hour = HourOf(window.From, zone); hour < window.To; hour = HourOf(hour.AddHours(1), zone))
        {
            hours.Add(hour);
        }
        var now = accepted.GroupBy(a => HourOf(a, zone)).ToDictionary(g => g.Key, g => g.Count());
        var before = weekEarlier.GroupBy(a => HourOf(a.AddDays(7), zone)).ToDictionary(g => g.Key, g => g.Count());
        return hours.Select(h => new HourCount(h, now.GetValueOrDefault(h), before.GetValueOrDefault(h))).ToList();
    }

    private static DateTimeOffset HourOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
    }
}
