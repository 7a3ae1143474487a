using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notify.Common;
using Notify.Configuration;
using Notify.Storage;

namespace Notify.Channels.Health;

/// <summary>
/// Which shared channels are up, kept in Table Storage so every instance sees the same picture. A channel that fails
/// <see cref="NotifyOptions.ChannelFailureThreshold"/> times within the window goes down for everybody and opens an
/// outage in the ledger; after the cool-down a few deliveries probe it, and a success brings it back and closes the
/// outage. Merchant webhooks are each merchant's own endpoint, so they have no shared health.
/// </summary>
public sealed class ChannelHealth(StorageClients storage, IOptions<NotifyOptions> options, TimeProvider clock)
{
    /// <summary>The channels whose provider every merchant shares.</summary>
    public static readonly IReadOnlyList<string> Shared = [ChannelNames.Kakao, ChannelNames.Sms, ChannelNames.Email];

    // A short per-instance cache keeps the hot path (every fan-out and reroute) at zero reads most of the time.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);
    private readonly TableClient _health = storage.Table(StorageNames.ChannelHealthTable);
    private readonly OutageLedger _ledger = new(storage);
    private readonly PendingReceipts _receipts = new();
    private (DateTimeOffset Until, Dictionary<string, ChannelHealthEntity> Rows)? _cache;
    private Task<Dictionary<string, ChannelHealthEntity>>? _reading;

    /// <summary>
    /// The channels a delivery may use now: those up, and those down whose cool-down is over and that have a probe slot
    /// left. A read only: the slot is taken by <see cref="TryClaimProbeAsync"/> when a delivery actually chooses it.
    /// </summary>
    public async Task<ChannelAvailability> AvailabilityAsync(CancellationToken ct)
    {
        var rows = await ReadAsync(ct);
        var now = clock.GetUtcNow();
        var available = new HashSet<string>(ChannelNames.All.Except(Shared));
        var needProbe = new HashSet<string>();
        foreach (var channel in Shared)
        {
            if (!rows.TryGetValue(channel, out var row) || row.Status == ChannelState.Up)
            {
                available.Add(channel);
            }
            else if (HealthRules.CanProbe(row, now, options.Value))
            {
                available.Add(channel);
                needProbe.Add(channel);
            }
        }
        return new ChannelAvailability(available, needProbe, rows);
    }

    /// <summary>Takes one probe slot of a channel that is down; false when it is up or no slot is left.</summary>
    public Task<bool> TryClaimProbeAsync(string channel, CancellationToken ct) =>
        UpdateAsync(channel, row => HealthRules.ClaimProbe(row, clock.GetUtcNow(), options.Value), ct);

    /// <summary>Records a send's, receipt's or deadline's verdict on a channel, for a delivery of <paramref name="merchantId"/>.</summary>
    public async Task ReportAsync(string channel, bool succeeded, string? error, string? merchantId, CancellationToken ct)
    {
        if (!Shared.Contains(channel))
        {
            return;
        }
        if (succeeded)
        {
            // Successes on a healthy channel with a clean window change nothing: no write on the happy path.
            var now = clock.GetUtcNow();
            if ((await ReadAsync(ct)).TryGetValue(channel, out var known)
                && (known.Status != ChannelState.Up || HealthRules.CountsSuccess(known, now, options.Value)))
            {
                await UpdateAsync(channel, row => row.Status == ChannelState.Up ? HealthRules.Succeed(row, now, options.Value) : HealthRules.Recover(row, now), ct);
            }
            return;
        }
        await UpdateAsync(channel, row => HealthRules.Fail(row, error, clock.GetUtcNow(), options.Value, merchantId), ct);
    }

    /// <summary>
    /// Counts a delivered receipt that came <paramref name="latency"/> after the provider accepted the message
    /// (<paramref name="late"/>: after its deadline had passed), for the channel's adaptive receipt deadline. Written to
    /// the shared row with this instance's other receipts at most every <see cref="PendingReceipts.FlushEvery"/>.
    /// </summary>
    public async Task RecordReceiptAsync(string channel, TimeSpan latency, bool late, CancellationToken ct)
    {
        if (!Shared.Contains(channel) || _receipts.Add(channel, latency, late, clock.GetUtcNow()) is not { } due)
        {
            return;
        }
        foreach (var (name, (counts, lateCount)) in due)
        {
            try
            {
                await UpdateAsync(name, row =>
                {
                    var now = clock.GetUtcNow();
                    row.SetReceipts(ReceiptLatency.Add(row.Receipts() ?? ReceiptHistogram.Empty(now), counts, now));
                    row.LateReceipts += lateCount;
                    return new HealthChange(row, null);
                }, ct);
            }
            catch (RequestFailedException)
            {
                // Statistics, not state: keep them for the next flush rather than fail the receipt that carried them.
                _receipts.Restore(new Dictionary<string, (int[] Counts, int Late)> { [name] = (counts, lateCount) });
            }
        }
    }

    /// <summary>A delivery passed over <paramref name="channel"/> while it was down.</summary>
    public Task RecordSkippedAsync(string channel, CancellationToken ct) =>
        Shared.Contains(channel)
            ? UpdateAsync(channel, HealthRules.Skipped, ct)
            : Task.CompletedTask;

    /// <summary><paramref name="count"/> deliveries waiting on <paramref name="channel"/> were given up when it went down.</summary>
    public Task RecordGaveUpAsync(string channel, int count, CancellationToken ct) =>
        Shared.Contains(channel) && count > 0
            ? UpdateAsync(channel, row => HealthRules.GaveUp(row, count), ct)
            : Task.CompletedTask;

    /// <summary>A delivery that <paramref name="passedOver"/> channels in outage was confirmed by <paramref name="by"/>.</summary>
    public async Task RecordRescueAsync(IEnumerable<string> passedOver, string by, CancellationToken ct)
    {
        foreach (var channel in passedOver.Where(Shared.Contains))
        {
            await UpdateAsync(channel, row => HealthRules.Rescued(row, by), ct);
        }
    }

    /// <summary>Each shared channel's current row (a missing row means it has never failed); <paramref name="fresh"/> skips the cache.</summary>
    public async Task<Dictionary<string, ChannelHealthEntity>> ReadAsync(CancellationToken ct, bool fresh = false)
    {
        if (fresh)
        {
            return await QueryAsync(ct);
        }
        if (_cache is { } cache && cache.Until > clock.GetUtcNow())
        {
            return cache.Rows;
        }
        // One read at a time per instance: callers that find the cache expired while a read is out share it.
        var reading = _reading;
        if (reading is null || reading.IsCompleted)
        {
            reading = QueryAsync(CancellationToken.None);
            _reading = reading;
        }
        return await reading.WaitAsync(ct);
    }

    private async Task<Dictionary<string, ChannelHealthEntity>> QueryAsync(CancellationToken ct)
    {
        var rows = new Dictionary<string, ChannelHealthEntity>();
        await foreach (var row in _health.QueryAsync<ChannelHealthEntity>(e => e.PartitionKey == ChannelHealthEntity.Partition, cancellationToken: ct))
        {
            rows[row.RowKey] = row;
        }
        // From the end of the read: under load a read can outlast the cache, and every caller would read again.
        _cache = (clock.GetUtcNow() + CacheFor, rows);
        return rows;
    }

    // Read-modify-write under the row's ETag; `change` returns null to write nothing. A ledger line is inserted only
    // after the state it describes is saved. True when something was written.
    private async Task<bool> UpdateAsync(string channel, Func<ChannelHealthEntity, HealthChange?> change, CancellationToken ct)
    {
        while (true)
        {
            var existing = await _health.GetEntityIfExistsAsync<ChannelHealthEntity>(ChannelHealthEntity.Partition, channel, cancellationToken: ct);
            var row = existing.HasValue ? existing.Value! : new ChannelHealthEntity { RowKey = channel, WindowStart = clock.GetUtcNow() };
            if (change(row) is not { } changed)
            {
                return false;
            }
            try
            {
                if (existing.HasValue)
                {
                    await _health.UpdateEntityAsync(changed.Row, changed.Row.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await _health.AddEntityAsync(changed.Row, ct);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                continue;
            }
            _cache = null;
            _reading = null;
            if (changed.Ledger is { } line)
            {
                await _ledger.AppendAsync(line, ct);
            }
            return true;
        }
    }
}

/// <summary>Which channels a delivery may use now, and which of those are down and need a probe slot to be used.</summary>
/// <param name="Available">Up, or open to a probe.</param>
/// <param name="NeedProbe">The part of <paramref name="Available"/> that is down.</param>
/// <param name="Rows">The health rows it was decided from (they also hold the learned receipt latencies).</param>
public sealed record ChannelAvailability(IReadOnlySet<string> Available, IReadOnlySet<string> NeedProbe, IReadOnlyDictionary<string, ChannelHealthEntity> Rows);
