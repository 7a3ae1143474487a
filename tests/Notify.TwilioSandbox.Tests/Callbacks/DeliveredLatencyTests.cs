using Notify.Sandboxes;

namespace Notify.TwilioSandbox.Tests.Callbacks;

public sealed class DeliveredLatencyTests
{
    [Fact]
    public void Draws_are_log_normal_through_the_median_and_p99_set()
    {
        var random = new Random(16);
        var median = TimeSpan.FromSeconds(3);
        var p99 = TimeSpan.FromSeconds(20);

        var draws = Enumerable.Range(0, 20_000)
            .Select(_ => DeliveredLatency.Before(median, p99, TimeSpan.Zero, random)!.Value.TotalSeconds)
            .Order().ToArray();

        Assert.InRange(draws[draws.Length / 2], 2.8, 3.2);
        Assert.InRange(draws[(int)(draws.Length * 0.99)], 17.5, 22.5);
        Assert.All(draws, d => Assert.True(d > 0));
    }

    [Fact]
    public void The_pauses_already_taken_count_and_no_distribution_keeps_the_fixed_delay()
    {
        var same = TimeSpan.FromSeconds(3);

        // A median equal to its p99 is a fixed time: the pause is what is left of it.
        Assert.Equal(TimeSpan.FromSeconds(2.8), DeliveredLatency.Before(same, same, TimeSpan.FromMilliseconds(200), new Random(1)));
        Assert.Equal(TimeSpan.Zero, DeliveredLatency.Before(same, same, TimeSpan.FromSeconds(5), new Random(1)));
        Assert.Null(DeliveredLatency.Before(null, null, TimeSpan.Zero, new Random(1)));
        Assert.Null(DeliveredLatency.Before(same, TimeSpan.FromSeconds(1), TimeSpan.Zero, new Random(1)));
    }
}
