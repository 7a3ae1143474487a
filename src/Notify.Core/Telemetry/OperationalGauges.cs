using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Azure;
using Notify.Channels.Health;
using Notify.Storage;

namespace Notify.Telemetry;

/// <summary>
/// The state gauges: whether each shared channel is up, and each queue's backlog and the age of its oldest message.
/// Gauges are read synchronously, so the sweep refreshes these values (<see cref="RefreshAsync"/>) on its schedule.
/// </summary>
public sealed class OperationalGauges
{
    private static readonly string[] Queues = [StorageNames.FanOutQueue, .. DeliveryQueues.All];
    private readonly ConcurrentDictionary<string, int> _channelUp = new();
    private readonly ConcurrentDictionary<string, (int Backlog, double OldestSeconds)> _queues = new();
    private readonly ChannelHealth _health;
    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;
    private long _refreshedAtTicks;

    /// <summary>Creates the observable gauges on the meter <paramref name="meters"/> gives for <see cref="NotifyTelemetry.Name"/>.</summary>
    public OperationalGauges(ChannelHealth health, StorageClients storage, TimeProvider clock, IMeterFactory meters)
    {
        (_health, _storage, _clock) = (health, storage, clock);
        var meter = meters.Create(NotifyTelemetry.Name);
        meter.CreateObservableGauge("notify.channel.up", () => Fresh(_channelUp).Select(c =>
            new Measurement<int>(c.Value, new KeyValuePair<string, object?>(NotifyTelemetry.ChannelTag, c.Key))), "1",
            "1 while a shared channel is up for everybody, 0 while it is down (probing included).");
        meter.CreateObservableGauge("notify.queue.backlog", () => Fresh(_queues).Select(q =>
            new Measurement<int>(q.Value.Backlog, new KeyValuePair<string, object?>("queue", q.Key))), "{message}",
            "Approximate messages waiting on each queue.");
        meter.CreateObservableGauge("notify.queue.oldest_age", () => Fresh(_queues).Select(q =>
            new Measurement<double>(q.Value.OldestSeconds, new KeyValuePair<string, object?>("queue", q.Key))), "s",
            "Age of the oldest visible message on each queue (0 when empty).");
    }

    // The timer that runs the sweep may move to another instance: one that stopped sweeping stops reporting, rather
    // than repeat old values (a channel "down" for ever) beside the live ones.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(3);

    private IEnumerable<KeyValuePair<string, T>> Fresh<T>(ConcurrentDictionary<string, T> values) =>
        _clock.GetUtcNow().UtcTicks - Volatile.Read(ref _refreshedAtTicks) <= StaleAfter.Ticks ? values : [];

    /// <summary>Reads the channels' shared state and the queues' depth; a queue that cannot be read keeps its last value.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var availability = await _health.AvailabilityAsync(ct);
        foreach (var channel in ChannelHealth.Shared)
        {
            _channelUp[channel] = availability.Available.Contains(channel) && !availability.NeedProbe.Contains(channel) ? 1 : 0;
        }
        var now = _clock.GetUtcNow();
        await Parallel.ForEachAsync(Queues, ct, async (name, token) =>
        {
            try
            {
                var queue = _storage.Queue(name);
                var properties = await queue.GetPropertiesAsync(token);
                var peeked = await queue.PeekMessageAsync(token);
                var oldest = peeked.Value?.InsertedOn is { } inserted ? Math.Max(0, (now - inserted).TotalSeconds) : 0;
                _queues[name] = (properties.Value.ApproximateMessagesCount, oldest);
            }
            catch (RequestFailedException)
            {
                // A queue not created yet, or storage briefly away: the next sweep reads it again.
            }
        });
        Volatile.Write(ref _refreshedAtTicks, now.UtcTicks);
    }
}
