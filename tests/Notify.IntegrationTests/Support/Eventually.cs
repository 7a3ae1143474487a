namespace Notify.IntegrationTests.Support;

/// <summary>Waits for something the app does in the background (queues, callbacks), up to a bound.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value that satisfies <paramref name="done"/>; fails after <paramref name="within"/>.</summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what ?? "a condition"}; last value: {value}");
            }
            await Task.Delay(100);
        }
    }
}
