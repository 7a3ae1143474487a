namespace Notify.Channels.Health;

/// <summary>Which channels are up for everybody. Placeholder until shared health lands: every channel is available.</summary>
public sealed class ChannelHealth
{
    private static readonly IReadOnlySet<string> All = ChannelNames.All.ToHashSet();

    /// <summary>The channels a delivery may use now.</summary>
    public Task<IReadOnlySet<string>> AvailableAsync(CancellationToken ct) => Task.FromResult(All);

    /// <summary>Records a channel's result.</summary>
    public Task ReportAsync(string channel, bool succeeded, string? error, CancellationToken ct) => Task.CompletedTask;
}
