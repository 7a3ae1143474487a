using Notify.Orders;

namespace Notify.Delivery;

/// <summary>The confirmation of one order: its channel chain, its attempts, and its status as merchants read it.</summary>
/// <param name="Status">pending, sent, confirmed, exhausted or cancelled (<see cref="ConfirmationStates"/>).</param>
/// <param name="Chain">The channels planned, in order.</param>
/// <param name="Attempts">Every attempt, oldest first.</param>
/// <param name="ConfirmedBy">The channel that confirmed delivery.</param>
/// <param name="Alert">Whether the merchant has been told the customer could not be reached; see <see cref="AlertStates"/>.</param>
public sealed record DeliveryState(
    string Status,
    IReadOnlyList<string> Chain,
    IReadOnlyList<Attempt> Attempts,
    string? ConfirmedBy = null,
    string? Alert = null)
{
    /// <summary>Before planning.</summary>
    public static readonly DeliveryState Unplanned = new(ConfirmationStates.Pending, [], []);

    /// <summary>The latest attempt, if any.</summary>
    public Attempt? Current => Attempts.Count > 0 ? Attempts[^1] : null;

    /// <summary>True once confirmed, exhausted or cancelled (the customer was erased): nothing more will be sent.</summary>
    public bool IsSettled => Status is ConfirmationStates.Confirmed or ConfirmationStates.Exhausted or ConfirmationStates.Cancelled;

    /// <summary>The same state with attempt <paramref name="n"/> replaced.</summary>
    public DeliveryState WithAttempt(int n, Func<Attempt, Attempt> change) =>
        this with { Attempts = Attempts.Select(a => a.N == n ? change(a) : a).ToList() };
}

/// <summary>Values of <see cref="DeliveryState.Alert"/>.</summary>
public static class AlertStates
{
    /// <summary>The chain ran out; the merchant is to be told.</summary>
    public const string Pending = "pending";
    /// <summary>Claimed by one sender; being sent.</summary>
    public const string Sending = "sending";
    /// <summary>The merchant was told.</summary>
    public const string Sent = "sent";
    /// <summary>The merchant has no alert contact, or no channel could reach it.</summary>
    public const string Undeliverable = "undeliverable";
}
