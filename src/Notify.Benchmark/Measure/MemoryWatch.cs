using System.Diagnostics;

namespace Notify.Benchmark.Measure;

/// <summary>Samples this process's managed heap while the benchmark runs; the peak working set comes from the OS.</summary>
public sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakHeap;

    /// <summary>Starts sampling every 250 ms.</summary>
    public MemoryWatch() => _loop = SampleAsync();

    /// <summary>The largest GC heap seen (bytes).</summary>
    public long PeakHeapBytes => Interlocked.Read(ref _peakHeap);

    /// <summary>The process's peak working set (bytes): the self-host, the sandbox and the load generator together.</summary>
    public static long PeakWorkingSetBytes()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
                if (heap > Interlocked.Read(ref _peakHeap))
                {
                    Interlocked.Exchange(ref _peakHeap, heap);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
