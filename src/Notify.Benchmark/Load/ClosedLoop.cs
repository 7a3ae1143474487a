using System.Diagnostics;

namespace Notify.Benchmark.Load;

/// <summary>Runs an operation from a fixed number of workers, back to back, for a fixed time.</summary>
public static class ClosedLoop
{
    /// <summary>The outcome: operations that succeeded, that failed, the wall time, and each success's duration (ms).</summary>
    public sealed record Outcome(int Succeeded, int Failed, TimeSpan Elapsed, List<double> DurationsMs)
    {
        /// <summary>Successful operations per second.</summary>
        public double PerSecond => Succeeded / Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="operation"/> (given a fresh index; true = success) with <paramref name="concurrency"/> workers.</summary>
    public static async Task<Outcome> RunAsync(int concurrency, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        int next = -1, failed = 0;
        var durations = new List<double>();
        var clock = Stopwatch.StartNew();
        async Task Worker()
        {
            while (clock.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    ok = await operation(index);
                }
                catch (Exception ex) when (ex is HttpRequestException or Azure.RequestFailedException or InvalidOperationException or TaskCanceledException)
                {
                    Console.Error.WriteLine($"    failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                    ok = false;
                }
                if (ok)
                {
                    lock (durations)
                    {
                        durations.Add((clock.Elapsed - started).TotalMilliseconds);
                    }
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        return new Outcome(durations.Count, failed, clock.Elapsed, durations);
    }
}
