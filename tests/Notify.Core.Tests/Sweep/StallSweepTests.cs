using Microsoft.Extensions.DependencyInjection;
using Notify.Core.Tests.Support;
using Notify.Deadlines;
using Notify.Sweep;

namespace Notify.Core.Tests.Sweep;

/// <summary>The sweep reads what is due, claims each deadline once, and removes what it handled.</summary>
public sealed class StallSweepTests(StorageServices storage) : IClassFixture<StorageServices>
{
    private DeadlineIndex Deadlines => storage.Services.GetRequiredService<DeadlineIndex>();
    private StallSweep Sweep => storage.Services.GetRequiredService<StallSweep>();

    // Each test starts from an empty index, so a report's counts are its own.
    private async Task ClearAsync()
    {
        foreach (var row in await DueAsync())
        {
            await Deadlines.RemoveAsync(row, CancellationToken.None);
        }
    }

    private async Task<List<DeadlineEntity>> DueAsync()
    {
        var due = new List<DeadlineEntity>();
        await foreach (var row in Deadlines.DueAsync(storage.Clock.GetUtcNow() + TimeSpan.FromDays(365), CancellationToken.None))
        {
            due.Add(row);
        }
        return due;
    }

    [Fact]
    public async Task Deadline_not_yet_due_is_left_alone()
    {
        await ClearAsync();
        var orderId = Guid.NewGuid().ToString();
        await Deadlines.ScheduleAsync(DeadlineKeys.Attempt(1), "m_later", orderId, storage.Clock.GetUtcNow() + TimeSpan.FromMinutes(5), CancellationToken.None);

        var report = await Sweep.RunAsync(CancellationToken.None);

        Assert.DoesNotContain(await DueAsync(), d => d.OrderId == orderId && d.ClaimedUntil is not null);
        Assert.Contains(await DueAsync(), d => d.OrderId == orderId);
        Assert.Equal(0, report.Rerouted);
    }

    [Fact]
    public async Task Due_deadline_of_an_order_that_is_gone_is_claimed_once_and_removed()
    {
        await ClearAsync();
        var orderId = Guid.NewGuid().ToString();
        await Deadlines.ScheduleAsync(DeadlineKeys.Attempt(1), "m_gone", orderId, storage.Clock.GetUtcNow(), CancellationToken.None);
        storage.Clock.Advance(TimeSpan.FromSeconds(1));

        var reports = await Task.WhenAll(Sweep.RunAsync(CancellationToken.None), Sweep.RunAsync(CancellationToken.None));

        Assert.Equal(1, reports.Sum(r => r.Claimed));
        Assert.Equal(0, reports.Sum(r => r.Rerouted));
        Assert.DoesNotContain(await DueAsync(), d => d.OrderId == orderId);
    }

    [Fact]
    public async Task Deadline_claimed_by_another_sweep_is_skipped_until_its_lease_ends()
    {
        await ClearAsync();
        var orderId = Guid.NewGuid().ToString();
        var now = storage.Clock.GetUtcNow();
        await Deadlines.ScheduleAsync(DeadlineKeys.FanOut, "m_leased", orderId, now, CancellationToken.None);
        var row = (await DueAsync()).Single(d => d.OrderId == orderId);
        Assert.NotNull(await Deadlines.TryClaimAsync(row, now + TimeSpan.FromMinutes(2), CancellationToken.None));
        storage.Clock.Advance(TimeSpan.FromSeconds(1));

        await Sweep.RunAsync(CancellationToken.None);
        Assert.Contains(await DueAsync(), d => d.OrderId == orderId);

        storage.Clock.Advance(TimeSpan.FromMinutes(2));
        await Sweep.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(await DueAsync(), d => d.OrderId == orderId);
    }
}
