namespace Notify.Delivery;

/// <summary>The confirmation of one order: its channel chain, its attempts, and its status as merchants read it.</summary>
/// <param name="Status">Where the confirmation stands.</param>
/// <param name="Chain">The channels planned, in order.</param>
/// <param name="Attempts">Every attempt, oldest first.</param>
/// <param name="ConfirmedBy">The channel that confirmed delivery.</param>
/// <param name="Alert">Whether the merchant has been told the customer could not be reached.</param>
/// <param name="AlertDueAt">While the alert is claimed, when that claim counts as abandoned (a crash mid-send).</param>
public sealed record DeliveryState(
    ConfirmationStatus Status,
    IReadOnlyList<string> Chain,
    IReadOnlyList<Attempt> Attempts,
    string? ConfirmedBy = null,
    AlertStatus? Alert = null,
    DateTimeOffset? AlertDueAt = null)
{
    /// <summary>Before planning.</summary>
    public static readonly DeliveryState Unplanned = new(ConfirmationStatus.Pending, [], []);

    /// <summary>The latest attempt, if any.</summary>
    public Attempt? Current => Attempts.Count > 0 ? Attempts[^1] : null;

    /// <summary>True once confirmed, exhausted or cancelled (the customer was erased): nothing more will be sent.</summary>
    public bool IsSettled => Status switch
    {
        ConfirmationStatus.Confirmed or ConfirmationStatus.Exhausted or ConfirmationStatus.Cancelled => true,
        ConfirmationStatus.Pending or ConfirmationStatus.Sent => false,
    };

    /// <summary>The same state with attempt <paramref name="n"/> replaced.</summary>
    public DeliveryState WithAttempt(int n, Func<Attempt, Attempt> change) =>
        this with { Attempts = Attempts.Select(a => a.N == n ? change(a) : a).ToList() };
}

/// <summary>A confirmation's status as merchants read it.</summary>
public enum ConfirmationStatus
{
    /// <summary>Nothing sent yet.</summary>
    Pending,
    /// <summary>A channel accepted a message; no receipt yet.</summary>
    Sent,
    /// <summary>A channel confirmed delivery.</summary>
    Confirmed,
    /// <summary>Every channel failed.</summary>
    Exhausted,
    /// <summary>The customer was erased before a channel confirmed: nothing more is sent.</summary>
    Cancelled,
}

/// <summary>Where the merchant alert of an exhausted delivery stands.</summary>
public enum AlertStatus
{
    /// <summary>The chain ran out; the merchant is to be told.</summary>
    Pending,
    /// <summary>Claimed by one sender; being sent.</summary>
    Sending,
    /// <summary>The merchant was told.</summary>
    Sent,
    /// <summary>The merchant has no alert contact, or no channel could reach it.</summary>
    Undeliverable,
}
