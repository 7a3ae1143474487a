namespace Notify.KakaoSandbox.Tests.Support;

/// <summary>Waits for something the sandbox does in the background (its results), up to a bound.</summary>
internal static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}; last value: {value}");
            }
            await Task.Delay(50);
        }
    }
}
