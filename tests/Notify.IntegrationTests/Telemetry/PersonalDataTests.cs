using System.Diagnostics;
using Notify.IntegrationTests.Support;

namespace Notify.IntegrationTests.Telemetry;

/// <summary>
/// No customer's name, phone, e-mail or note reaches telemetry: checked over every span, metric tag and log record the
/// fixture captured (spans and HTTP metrics from every app running in this process), not one message.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class PersonalDataTests(TelemetryApp app)
{
    [Fact]
    public async Task No_customer_contact_or_note_in_any_span_metric_tag_or_log_record()
    {
        var merchant = await MerchantClient.CreateAsync(app);
        var failing = OrderTraceTests.NewCustomerOrder(app, out var invalid, withEmail: false);
        await app.Sandbox.SetModeAsync("fail", invalid, status: 400, code: 21211);
        var confirmed = OrderTraceTests.NewCustomerOrder(app, out var down);
        await app.Sandbox.SetModeAsync("fail", down, status: 503);

        var exhaustedId = await merchant.PostOrderAsync(failing);
        var confirmedId = await merchant.PostOrderAsync(confirmed);
        await merchant.ConfirmationAsync(exhaustedId, "exhausted");
        await merchant.ConfirmationAsync(confirmedId, "confirmed");
        await app.Sweep();
        app.FlushMetrics();

        var texts = SpanTexts().Concat(MetricTexts()).Concat(LogTexts()).ToList();
        Assert.NotEmpty(app.Logs);
        Assert.Contains(texts, t => t.Contains(exhaustedId, StringComparison.Ordinal));
        var leaks = app.PersonalData.Snapshot()
            .SelectMany(value => texts.Where(t => t.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(t => $"{value} in: {t}"))
            .ToList();
        Assert.True(leaks.Count == 0, "Personal data in telemetry:\n" + string.Join("\n", leaks.Take(20)));
    }

    private IEnumerable<string> SpanTexts() => app.Spans.Snapshot().SelectMany(span =>
        new[] { span.DisplayName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));

    private IEnumerable<string> MetricTexts()
    {
        foreach (var metric in app.Metrics.Snapshot())
        {
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    yield return $"{metric.Name} {tag.Key}={tag.Value}";
                }
            }
        }
    }

    private IEnumerable<string> LogTexts() => app.Logs.SelectMany(log =>
        new[] { log.Category ?? "", log.Message, log.Exception?.ToString() ?? "" }
            .Concat(log.StructuredState?.Select(s => $"{s.Key}={s.Value}") ?? [])
            .Concat(log.Scopes.Select(s => s?.ToString() ?? "")));
}
