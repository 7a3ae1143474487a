namespace Notify.Delivery;

/// <summary>Something to do once a new delivery state is saved.</summary>
public abstract record Effect;

/// <summary>Put attempt <paramref name="Attempt"/>'s send message on <paramref name="Channel"/>'s queue.</summary>
public sealed record EnqueueSend(string Channel, int Attempt) : Effect;

/// <summary>Record a deadline in the sweep's index (done before the state is saved, so a crash cannot lose it).</summary>
public sealed record ScheduleDeadline(string Kind, DateTimeOffset DueAt) : Effect;

/// <summary>Remove a deadline that no longer applies.</summary>
public sealed record ClearDeadline(string Kind, DateTimeOffset DueAt) : Effect;

/// <summary>Tell the merchant that the customer could not be reached.</summary>
public sealed record AlertMerchant : Effect;

/// <summary>A channel's result, for its shared health.</summary>
public sealed record ReportHealth(string Channel, bool Succeeded, string? Error) : Effect;

/// <summary>The delivery passed over <paramref name="Channel"/> because it is down for everybody.</summary>
public sealed record SkippedChannel(string Channel) : Effect;

/// <summary>Confirmed by <paramref name="By"/> after <paramref name="PassedOver"/> failed or were skipped.</summary>
public sealed record Rescued(IReadOnlyList<string> PassedOver, string By) : Effect;

/// <summary>A transition's result: the next state and what to do after saving it.</summary>
public sealed record Step(DeliveryState State, IReadOnlyList<Effect> Effects);
