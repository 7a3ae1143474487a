using System.Diagnostics;

namespace Notify.Benchmark.Load;

/// <summary>
/// Offers a steady load: order i is sent at start + i/rate whether or not earlier ones were answered, so a slow
/// answer cannot slow the load down (no coordinated omission). Latency is measured from the scheduled time.
/// </summary>
public static class OpenLoop
{
    /// <summary>One send: when it was due (wall clock), and whether it was accepted.</summary>
    public sealed record Sent(int Index, DateTimeOffset Due, bool Accepted, double LagMs);

    /// <summary>Sends <c>rate × seconds</c> operations on schedule and waits for every answer.</summary>
    public static async Task<List<Sent>> RunAsync(double rate, double seconds, Func<int, Task<bool>> send)
    {
        var count = (int)Math.Round(rate * seconds);
        var wallStart = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task<Sent>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var index = i;
            var lag = (clock.Elapsed - due).TotalMilliseconds;
            inFlight.Add(Task.Run(async () =>
            {
                bool ok;
                try
                {
                    ok = await send(index);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }
                return new Sent(index, wallStart + due, ok, lag);
            }));
        }
        return [.. await Task.WhenAll(inFlight)];
    }
}
