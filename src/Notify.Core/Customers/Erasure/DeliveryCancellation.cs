using Azure.Data.Tables;
using Notify.Common;
using Notify.Delivery;
using Notify.Orders;

namespace Notify.Customers.Erasure;

/// <summary>
/// Stops a delivery whose customer was erased (<see cref="DeliveryMachine.Cancel"/>). Written with the erasure, not through
/// the delivery pipeline, so that erasing and cancelling are one write: it writes only these
/// columns of the order row, inside the erasure's own replace under the row's ETag (so a concurrent step of the
/// pipeline fails its ETag and reads the cancelled state):
/// <c>ConfirmationStatus</c> = <c>cancelled</c> and, in <c>AttemptsJson</c>, every waiting attempt (queued, sending,
/// accepted, unknown) = <c>cancelled</c> with no deadline. A settled delivery (confirmed, exhausted) is left as it is.
/// Deadlines already indexed stay; the sweep finds the delivery settled and does nothing.
/// </summary>
public static class DeliveryCancellation
{
    /// <summary>The error recorded on each attempt cancelled.</summary>
    public const string Reason = "Cancelled: the customer's contact details were erased.";

    /// <summary>Cancels the delivery held in <paramref name="row"/> (an order row read as a <see cref="TableEntity"/>), if still open.</summary>
    public static void Cancel(TableEntity row)
    {
        var stored = new OrderEntity
        {
            ConfirmationStatus = row.GetString(nameof(OrderEntity.ConfirmationStatus)) ?? ConfirmationStatus.Pending.Stored(),
            Chain = row.GetString(nameof(OrderEntity.Chain)) ?? "",
            AttemptsJson = row.GetString(nameof(OrderEntity.AttemptsJson)) ?? "[]",
        };
        // The rule is the state machine's; this only carries its columns into the erasure's single write.
        if (DeliveryMachine.Cancel(stored.ReadDelivery(), Reason) is not { } step)
        {
            return;
        }
        row[nameof(OrderEntity.AttemptsJson)] = Json.Serialize(step.State.Attempts);
        row[nameof(OrderEntity.ConfirmationStatus)] = step.State.Status.Stored();
    }
}
