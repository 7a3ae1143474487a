namespace Notify.Delivery;

/// <summary>What every transition may consult besides the state: the time, the timings, and which channels are usable.</summary>
/// <param name="Now">The time of the event.</param>
/// <param name="Timings">How long each waiting state may last.</param>
/// <param name="Available">The channels a delivery may move to now: those up, and those open to a probe.</param>
/// <param name="NeedProbe">The part of <paramref name="Available"/> that is down: using one takes one of its probe slots.</param>
public sealed record DeliveryContext(DateTimeOffset Now, DeliveryTimings Timings, IReadOnlySet<string> Available, IReadOnlySet<string> NeedProbe)
{
    /// <summary>A context in which every channel in <paramref name="available"/> is simply up.</summary>
    public DeliveryContext(DateTimeOffset now, DeliveryTimings timings, IReadOnlySet<string> available)
        : this(now, timings, available, new HashSet<string>())
    {
    }

    /// <summary>The same context without <paramref name="channel"/>: its probe slots are all taken.</summary>
    public DeliveryContext Without(string channel) => this with
    {
        Available = Available.Where(c => c != channel).ToHashSet(),
        NeedProbe = NeedProbe.Where(c => c != channel).ToHashSet(),
    };
}
