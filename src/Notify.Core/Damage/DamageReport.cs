namespace Notify.Damage;

/// <summary>
/// What an outage cost a merchant over a window, from what Notify already keeps: the merchant's orders and their
/// deliveries, and the channels' outage ledger.
/// </summary>
/// <param name="From">The window's start (accepted times).</param>
/// <param name="To">The window's end, exclusive.</param>
/// <param name="TimeZone">The merchant's time zone, which <paramref name="Hourly"/> is counted in.</param>
/// <param name="Orders">Orders accepted in the window.</param>
/// <param name="Affected">Deliveries that failed on or skipped at least one channel.</param>
/// <param name="PassedOver">Per channel, how many deliveries failed on it and how many skipped it while it was down.</param>
/// <param name="ConfirmedInstead">Affected deliveries confirmed anyway, by the channel that confirmed them.</param>
/// <param name="Unreached">Customers with an order in the window that no channel could confirm.</param>
/// <param name="TimeToConfirm">From acceptance to the confirming attempt, over confirmed orders.</param>
/// <param name="Outages">The ledger's channel outages that overlapped the window.</param>
/// <param name="Hourly">Orders per hour beside the same hour a week earlier.</param>
/// <param name="AffectedOrders">Each affected order: what failed or was skipped and how it ended.</param>
public sealed record DamageReport(
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    int Orders,
    int Affected,
    IReadOnlyDictionary<string, PassedOverCount> PassedOver,
    IReadOnlyDictionary<string, int> ConfirmedInstead,
    int Unreached,
    TimeToConfirm TimeToConfirm,
    IReadOnlyList<OutageOverlap> Outages,
    IReadOnlyList<HourCount> Hourly,
    IReadOnlyList<AffectedOrder> AffectedOrders);

/// <summary>How often one channel was passed over.</summary>
/// <param name="Failed">Attempts on it that failed or timed out.</param>
/// <param name="Skipped">Deliveries that went past it without trying it, because it was down for everybody.</param>
public sealed record PassedOverCount(int Failed, int Skipped);

/// <summary>
/// Time to confirm, in milliseconds (nearest-rank percentiles): from the order's <c>acceptedAt</c> to the <c>at</c> of
/// the attempt that delivered it (when that attempt was queued), so it measures the time lost before the channel that
/// worked was tried, not the provider's own delivery time. Null when no order in the window was confirmed.
/// </summary>
/// <param name="P50Ms">The median.</param>
/// <param name="P95Ms">The 95th percentile.</param>
/// <param name="Confirmed">How many confirmed orders they are taken over.</param>
public sealed record TimeToConfirm(long? P50Ms, long? P95Ms, int Confirmed);

/// <summary>A channel outage from the ledger that overlapped the window.</summary>
/// <param name="Channel">The channel that was down.</param>
/// <param name="Id">The outage's id in the ledger.</param>
/// <param name="Start">When it went down.</param>
/// <param name="End">When it came back; null while it is still down.</param>
/// <param name="Failures">Failures the ledger counted.</param>
/// <param name="Affected">Deliveries it affected, every merchant's together.</param>
public sealed record OutageOverlap(string Channel, string Id, DateTimeOffset Start, DateTimeOffset? End, int Failures, int Affected);

/// <summary>Orders in one hour of the merchant's day, and in the same hour one week earlier.</summary>
/// <param name="Hour">The hour's start, in the merchant's time zone.</param>
/// <param name="Orders">Orders accepted in the hour.</param>
/// <param name="WeekEarlier">Orders accepted in the same hour seven days before.</param>
public sealed record HourCount(DateTimeOffset Hour, int Orders, int WeekEarlier);

/// <summary>One affected order, for the merchant's own follow-up and claim.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="OrderNumber">The merchant's number.</param>
/// <param name="AcceptedAt">When Notify accepted it.</param>
/// <param name="CustomerName">Whom it was for.</param>
/// <param name="Status">The confirmation's status now.</param>
/// <param name="Failed">Channels tried that failed or timed out, in order.</param>
/// <param name="Skipped">Channels passed over while down, in order.</param>
/// <param name="ConfirmedBy">The channel that confirmed it in the end, if any.</param>
public sealed record AffectedOrder(
    string OrderId,
    string OrderNumber,
    DateTimeOffset AcceptedAt,
    string CustomerName,
    string Status,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> Skipped,
    string? ConfirmedBy);
