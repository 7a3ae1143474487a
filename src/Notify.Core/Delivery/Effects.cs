namespace Notify.Delivery;

/// <summary>Something to do once a new delivery state is saved (or, for a deadline, just before).</summary>
public abstract record Effect
{
    /// <summary>True for the effects that must exist before the state that relies on them is saved.</summary>
    public virtual bool RunsBeforeSave => false;
}

/// <summary>Put attempt <paramref name="Attempt"/>'s send message on <paramref name="Channel"/>'s queue, invisible for <paramref name="Delay"/>.</summary>
public sealed record EnqueueSend(string Channel, int Attempt, TimeSpan? Delay = null) : Effect;

/// <summary>
/// Record a deadline in the sweep's index; done before the state is saved, so a crash cannot lose it. A receipt wait
/// names its <paramref name="Channel"/>, so the sweep can find it when that channel goes down.
/// </summary>
public sealed record ScheduleDeadline(string Kind, DateTimeOffset DueAt, string? Channel = null) : Effect
{
    /// <inheritdoc />
    public override bool RunsBeforeSave => true;
}

/// <summary>Remove a deadline that no longer applies.</summary>
public sealed record ClearDeadline(string Kind, DateTimeOffset DueAt) : Effect;

/// <summary>The customer could not be reached: start the merchant alert (<see cref="DeliveryMachine.ClaimAlert"/>).</summary>
public sealed record AlertMerchant : Effect;

/// <summary>The alert is claimed: send it, then record the outcome (<see cref="DeliveryMachine.RecordAlert"/>).</summary>
public sealed record SendAlert : Effect;

/// <summary>A channel's result, for its shared health.</summary>
public sealed record ReportHealth(string Channel, bool Succeeded, string? Error) : Effect;

/// <summary>
/// A delivered receipt came <paramref name="Latency"/> after <paramref name="Channel"/> accepted the message;
/// <paramref name="Late"/> when the attempt's deadline had already passed (the delivery moved on: a second message).
/// </summary>
public sealed record ReceiptTimed(string Channel, TimeSpan Latency, bool Late) : Effect;

/// <summary>The delivery passed over <paramref name="Channel"/> because it is down for everybody.</summary>
public sealed record SkippedChannel(string Channel) : Effect;

/// <summary>Confirmed by <paramref name="By"/> after <paramref name="PassedOver"/> failed or were skipped.</summary>
public sealed record Rescued(IReadOnlyList<string> PassedOver, string By) : Effect;

/// <summary>A transition's result: the next state and what to do around saving it.</summary>
public sealed record Step(DeliveryState State, IReadOnlyList<Effect> Effects);
