using Notify.Deadlines;

namespace Notify.Core.Tests.Deadlines;

/// <summary>Deadline kinds, due times and partitions: what the index and the sweep agree on.</summary>
public sealed class DeadlineKeysTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    public void Attempt_kind_names_its_attempt(int n) => Assert.Equal(n, DeadlineKeys.AttemptOf(DeadlineKeys.Attempt(n)));

    [Theory]
    [InlineData(DeadlineKeys.FanOut)]
    [InlineData(DeadlineKeys.Alert)]
    [InlineData("attempt-")]
    [InlineData("attempt-x")]
    public void Other_kinds_name_no_attempt(string kind) => Assert.Null(DeadlineKeys.AttemptOf(kind));

    [Fact]
    public void Due_time_is_a_whole_millisecond()
    {
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero).AddTicks(12_345);

        var due = DueTime.After(now, TimeSpan.FromMinutes(1));

        Assert.Equal(0, due.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.True(due <= now + TimeSpan.FromMinutes(1) && due > now + TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Partition_is_the_due_minute_and_a_stable_shard()
    {
        var due = new DateTimeOffset(2026, 11, 28, 9, 7, 59, TimeSpan.Zero);

        var partition = DeadlineIndex.PartitionFor(due, "order-1");

        Assert.StartsWith("202611280907-", partition);
        Assert.Equal(partition, DeadlineIndex.PartitionFor(due.AddSeconds(-59), "order-1"));
    }
}
