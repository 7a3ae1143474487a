using Notify.Common;

namespace Notify.Damage;

/// <summary>
/// A damage report as one CSV table a spreadsheet opens: a <c>section</c> column says what each row is (<c>window</c>,
/// <c>summary</c>, <c>failedOn</c>, <c>skipped</c>, <c>confirmedInstead</c>, <c>outage</c>, <c>hourly</c>,
/// <c>affectedOrder</c>), the other columns hold what that section has.
/// </summary>
public static class DamageCsv
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<CsvColumn<DamageCsvRow>> Columns =
    [
        new("section", r => r.Section),
        new("name", r => r.Name),
        new("value", r => r.Value),
        new("weekEarlier", r => r.WeekEarlier),
        new("start", r => r.Start),
        new("end", r => r.End),
        new("customerName", r => r.CustomerName),
        new("failed", r => r.Failed),
        new("skipped", r => r.Skipped),
        new("confirmedBy", r => r.ConfirmedBy),
    ];

    /// <summary>The rows of <paramref name="report"/>.</summary>
    public static IEnumerable<DamageCsvRow> Rows(DamageReport report)
    {
        yield return new("window", "from", null, Start: report.From);
        yield return new("window", "to", null, Start: report.To);
        yield return new("window", "timeZone", report.TimeZone);
        yield return new("summary", "orders", report.Orders);
        yield return new("summary", "affected", report.Affected);
        yield return new("summary", "unreached", report.Unreached);
        yield return new("summary", "confirmed", report.TimeToConfirm.Confirmed);
        yield return new("summary", "timeToConfirmP50Ms", report.TimeToConfirm.P50Ms);
        yield return new("summary", "timeToConfirmP95Ms", report.TimeToConfirm.P95Ms);
        foreach (var (channel, count) in report.PassedOver)
        {
            yield return new("failedOn", channel, count.Failed);
            yield return new("skipped", channel, count.Skipped);
        }
        foreach (var (channel, count) in report.ConfirmedInstead)
        {
            yield return new("confirmedInstead", channel, count);
        }
        foreach (var outage in report.Outages)
        {
            yield return new("outage", outage.Channel, outage.Failures, Start: outage.Start, End: outage.End);
        }
        foreach (var hour in report.Hourly)
        {
            yield return new("hourly", null, hour.Orders, hour.WeekEarlier, hour.Hour);
        }
        foreach (var order in report.AffectedOrders)
        {
            yield return new("affectedOrder", order.OrderNumber, order.Status, Start: order.AcceptedAt, CustomerName: order.CustomerName,
                Failed: string.Join(' ', order.Failed), Skipped: string.Join(' ', order.Skipped), ConfirmedBy: order.ConfirmedBy);
        }
    }
}

/// <summary>One row of <see cref="DamageCsv"/>; a section leaves the columns it has nothing for empty.</summary>
public sealed record DamageCsvRow(
    string Section,
    string? Name,
    object? Value,
    int? WeekEarlier = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    string? CustomerName = null,
    string? Failed = null,
    string? Skipped = null,
    string? ConfirmedBy = null);
