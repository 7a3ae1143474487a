namespace Notify.Channels;

/// <summary>The registered channels by name, for walking a channel chain.</summary>
public sealed class ChannelRegistry(IEnumerable<IChannel> channels)
{
    private readonly Dictionary<string, IChannel> _byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Every registered channel.</summary>
    public IReadOnlyCollection<IChannel> All => _byName.Values;

    /// <summary>The channel called <paramref name="name"/> (<see cref="ChannelNames"/>).</summary>
    /// <exception cref="KeyNotFoundException">No channel has that name.</exception>
    public IChannel this[string name] =>
        _byName.TryGetValue(name, out var channel) ? channel : throw new KeyNotFoundException($"No channel is called '{name}'.");

    /// <summary>The channel called <paramref name="name"/>, when one is registered.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IChannel channel) =>
        _byName.TryGetValue(name, out channel);
}
