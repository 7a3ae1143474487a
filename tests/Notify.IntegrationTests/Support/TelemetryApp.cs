using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Notify.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Notify.IntegrationTests.Support;

/// <summary>
/// The app with everything it reports captured in memory: spans and metrics through OpenTelemetry's in-memory exporter,
/// log records through a fake logger at Information (the production level; ASP.NET Core's request lines at Warning).
/// Spans and HTTP metrics come from every app in this test process (the listeners are process-wide), so checks over
/// them cover more than this fixture's own work.
/// </summary>
public sealed class TelemetryApp : NotifyApp
{
    private readonly FakeLogCollector _logs = new();

    /// <summary>Every span exported.</summary>
    public LockedList<Activity> Spans { get; } = new();

    /// <summary>Every metric exported (on <see cref="FlushMetrics"/>).</summary>
    public LockedList<MetricSnapshot> Metrics { get; } = new();

    /// <summary>The customers' names, phones, e-mails and notes the tests here posted: none may show in telemetry.</summary>
    public LockedList<string> PersonalData { get; } = new();

    /// <inheritdoc />
    protected override IEnumerable<string> Settings =>
    [
        "--Logging:LogLevel:Default=Information",
        "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        "--Logging:LogLevel:Azure.Core=Error",
    ];

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_logs);
        services.AddSingleton<ILoggerProvider>(new NullSafeLoggerProvider(new FakeLoggerProvider(_logs)));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
    }

    /// <summary>Every log record the app wrote.</summary>
    public IReadOnlyList<FakeLogRecord> Logs => _logs.GetSnapshot();

    /// <summary>Collects one of Notify's instruments from now on.</summary>
    public MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), NotifyTelemetry.Name, instrument);

    /// <summary>Runs one stall sweep, as the timer would.</summary>
    public Task<Notify.Sweep.SweepReport> Sweep() => Services.GetRequiredService<Notify.Sweep.StallSweep>().RunAsync(CancellationToken.None);

    /// <summary>Exports the metrics gathered so far into <see cref="Metrics"/>.</summary>
    public void FlushMetrics() => Services.GetRequiredService<MeterProvider>().ForceFlush();
}

/// <summary>
/// Hands every log record to a <see cref="FakeLoggerProvider"/>; the WebJobs SDK logs function results with a formatter
/// that returns null, which the fake logger refuses by throwing.
/// </summary>
public sealed class NullSafeLoggerProvider(FakeLoggerProvider inner) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new NullSafeLogger(inner.CreateLogger(categoryName));

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();

    private sealed class NullSafeLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, (s, e) => formatter(s, e) ?? "");
    }
}

/// <summary>A list the exporters may add to from any thread.</summary>
public sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    /// <inheritdoc />
    public int Count { get { lock (_items) { return _items.Count; } } }

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>A copy of the items so far.</summary>
    public List<T> Snapshot() { lock (_items) { return [.. _items]; } }

    /// <inheritdoc />
    public void Add(T item) { lock (_items) { _items.Add(item); } }

    /// <inheritdoc />
    public void Clear() { lock (_items) { _items.Clear(); } }

    /// <inheritdoc />
    public bool Contains(T item) { lock (_items) { return _items.Contains(item); } }

    /// <inheritdoc />
    public void CopyTo(T[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }

    /// <inheritdoc />
    public bool Remove(T item) { lock (_items) { return _items.Remove(item); } }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Tests that read the app's telemetry.</summary>
[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "telemetry";
}
