using System.Diagnostics;
using Azure.Storage.Queues;

namespace Notify.Benchmark.Measure;

/// <summary>
/// Samples, once a second while a part runs, what is cheap to read: the messages waiting in Notify's queues (one
/// properties request per queue, not one read per order), this process's thread pool and memory, and Azurite's
/// resident memory. <see cref="Cpu"/> reads the CPU time used so far by this process (self-host, sandboxes and load
/// generator) and by Azurite, so a part can tell which of the two spent the machine's cores.
/// </summary>
public sealed class LoadWatch : IAsyncDisposable
{
    private readonly QueueClient[] _queues;
    private readonly int _azuritePid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, long> _peakQueues = [];
    private readonly Lock _gate = new();

    /// <summary>Starts sampling the <paramref name="queues"/> and the process <paramref name="azuritePid"/>.</summary>
    public LoadWatch(string storageConnection, IEnumerable<string> queues, int azuritePid)
    {
        var service = new QueueServiceClient(storageConnection);
        _queues = [.. queues.Select(service.GetQueueClient)];
        _azuritePid = azuritePid;
        _loop = SampleAsync();
    }

    /// <summary>CPU time used so far, in seconds, and when it was read.</summary>
    public readonly record struct CpuReading(double SelfSeconds, double AzuriteSeconds, long Timestamp)
    {
        /// <summary>Cores used on average between <paramref name="earlier"/> and this reading: (this process, Azurite).</summary>
        public (double Self, double Azurite) CoresSince(CpuReading earlier)
        {
            var wall = Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp).TotalSeconds;
            return wall <= 0 ? (0, 0) : ((SelfSeconds - earlier.SelfSeconds) / wall, (AzuriteSeconds - earlier.AzuriteSeconds) / wall);
        }
    }

    /// <summary>The most messages seen waiting in all the queues together at one sample.</summary>
    public long PeakBacklog { get; private set; }

    /// <summary>The most messages seen waiting in each queue.</summary>
    public IReadOnlyDictionary<string, long> PeakByQueue
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_peakQueues);
            }
        }
    }

    /// <summary>The messages waiting at the last sample (all queues).</summary>
    public long LastBacklog { get; private set; } = -1;

    /// <summary>The most work items seen queued on this process's thread pool (a sign of thread-pool starvation).</summary>
    public long PeakThreadPoolQueue { get; private set; }

    /// <summary>The most thread-pool threads seen.</summary>
    public int PeakThreads { get; private set; }

    /// <summary>The largest GC heap seen (bytes).</summary>
    public long PeakHeapBytes { get; private set; }

    /// <summary>The largest working set of this process seen (bytes).</summary>
    public long PeakWorkingSetBytes { get; private set; }

    /// <summary>Azurite's largest resident memory seen (bytes; 0 where /proc is missing).</summary>
    public long PeakAzuriteBytes { get; private set; }

    /// <summary>Reads the CPU time used so far by this process and by Azurite.</summary>
    public CpuReading Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuReading(self.TotalProcessorTime.TotalSeconds, ProcCpuSeconds(_azuritePid), Stopwatch.GetTimestamp());
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                PeakThreadPoolQueue = Math.Max(PeakThreadPoolQueue, ThreadPool.PendingWorkItemCount);
                PeakThreads = Math.Max(PeakThreads, ThreadPool.ThreadCount);
                PeakHeapBytes = Math.Max(PeakHeapBytes, GC.GetGCMemoryInfo().HeapSizeBytes);
                PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, Environment.WorkingSet);
                PeakAzuriteBytes = Math.Max(PeakAzuriteBytes, ProcResidentBytes(_azuritePid));
                await SampleQueuesAsync();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SampleQueuesAsync()
    {
        try
        {
            var counts = await Task.WhenAll(_queues.Select(async q => (q.Name, Count: (long)(await q.GetPropertiesAsync(_stop.Token)).Value.ApproximateMessagesCount)));
            lock (_gate)
            {
                foreach (var (name, count) in counts)
                {
                    _peakQueues[name] = Math.Max(_peakQueues.GetValueOrDefault(name), count);
                }
            }
            LastBacklog = counts.Sum(c => c.Count);
            PeakBacklog = Math.Max(PeakBacklog, LastBacklog);
        }
        catch (Azure.RequestFailedException)
        {
            // A sample lost to an overloaded Azurite is skipped; the next second samples again.
        }
    }

    // utime + stime (fields 14 and 15 of /proc/PID/stat, after the command name), in clock ticks of 1/100 s.
    private static double ProcCpuSeconds(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return 0;
        }
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long ProcResidentBytes(int pid)
    {
        var path = $"/proc/{pid}/status";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
