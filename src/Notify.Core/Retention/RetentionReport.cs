namespace Notify.Retention;

/// <summary>What one retention run did.</summary>
/// <param name="Merchants">Merchants visited.</param>
/// <param name="OrdersRead">Order rows read: only those past their merchant's retention and not read by an earlier run.</param>
/// <param name="OrdersErased">Orders whose contact details were erased.</param>
/// <param name="CustomersErased">Customer rows deleted because their last order was past retention.</param>
/// <param name="OtherReads">Other storage reads: one mark per merchant, each due order's whole row, each customer's row.</param>
public sealed record RetentionReport(int Merchants, int OrdersRead, int OrdersErased, int CustomersErased, int OtherReads);
