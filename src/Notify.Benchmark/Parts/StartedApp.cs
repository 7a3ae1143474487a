using Microsoft.AspNetCore.Builder;

namespace Notify.Benchmark.Parts;

/// <summary>An in-process web app that is stopped (hosted services and all) before it is disposed.</summary>
public sealed class StartedApp(WebApplication app) : IAsyncDisposable
{
    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }
}
