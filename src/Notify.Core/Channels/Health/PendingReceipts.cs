namespace Notify.Channels.Health;

/// <summary>
/// One instance's delivered-receipt latencies not yet added to the shared histograms: receipts are counted here and
/// written at most every <see cref="FlushEvery"/>, so the happy path stays at no health write per order.
/// </summary>
public sealed class PendingReceipts
{
    /// <summary>How often an instance adds its receipts to the shared rows.</summary>
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int[] Counts, int Late)> _pending = [];
    private DateTimeOffset _flushedAt = DateTimeOffset.MinValue;

    /// <summary>Counts one receipt; returns what to write now (everything pending, taken out) when a flush is due, else null.</summary>
    public IReadOnlyDictionary<string, (int[] Counts, int Late)>? Add(string channel, TimeSpan latency, bool late, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(channel, out var entry))
            {
                entry = (new int[ReceiptLatency.Buckets], 0);
            }
            entry.Counts[ReceiptLatency.BucketOf(latency)]++;
            _pending[channel] = (entry.Counts, entry.Late + (late ? 1 : 0));
            if (now - _flushedAt < FlushEvery)
            {
                return null;
            }
            _flushedAt = now;
            var taken = new Dictionary<string, (int[] Counts, int Late)>(_pending);
            _pending.Clear();
            return taken;
        }
    }

    /// <summary>Puts back what a failed flush took, so the next one writes it.</summary>
    public void Restore(IReadOnlyDictionary<string, (int[] Counts, int Late)> taken)
    {
        lock (_gate)
        {
            foreach (var (channel, (counts, late)) in taken)
            {
                if (_pending.TryGetValue(channel, out var entry))
                {
                    for (var i = 0; i < counts.Length; i++)
                    {
                        entry.Counts[i] += counts[i];
                    }
                    _pending[channel] = (entry.Counts, entry.Late + late);
                }
                else
                {
                    _pending[channel] = (counts, late);
                }
            }
        }
    }
}
