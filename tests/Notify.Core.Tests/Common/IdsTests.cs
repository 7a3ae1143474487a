using Notify.Common;

namespace Notify.Core.Tests.Common;

public sealed class IdsTests
{
    [Fact]
    public void Time_ordered_ids_sort_by_time_and_start_with_their_time_prefix()
    {
        var t = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 50).Select(i => Ids.NewTimeOrdered(t.AddMilliseconds(i * 37))).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.StartsWith(Ids.TimePrefix(t), ids[0]);
        Assert.True(string.CompareOrdinal(ids[^1], Ids.TimePrefix(t.AddSeconds(2))) < 0);
    }
}
