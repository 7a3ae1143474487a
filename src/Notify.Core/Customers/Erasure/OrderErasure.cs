using Azure;
using Azure.Data.Tables;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Customers.Erasure;

/// <summary>
/// Removes the customer's name, phone, e-mail and note from one order row and cancels its open delivery, in one
/// replace under the row's ETag. Order number, items, amounts, status and the confirmation history stay.
/// </summary>
public sealed class OrderErasure(MerchantData data, TimeProvider clock)
{
    /// <summary>What a content hash becomes: it was computed over the contact, so it goes too.</summary>
    public const string ErasedHash = "erased";

    private static readonly string[] Removed =
        [nameof(OrderEntity.CustomerPhone), nameof(OrderEntity.CustomerEmail), nameof(OrderEntity.Note)];

    private readonly TableClient _data = data.Table;

    /// <summary>
    /// Erases the order's contact; returns the customer key it had (phone, else lower-cased e-mail), or null when the
    /// order is missing or was erased already. Safe to run twice.
    /// </summary>
    public async Task<string?> EraseAsync(string merchantId, string orderRowKey, CancellationToken ct)
    {
        while (true)
        {
            var found = await _data.GetEntityIfExistsAsync<TableEntity>(merchantId, orderRowKey, cancellationToken: ct);
            if (!found.HasValue || found.Value!.GetDateTimeOffset(nameof(OrderEntity.ErasedAt)) is not null)
            {
                return null;
            }
            var row = found.Value;
            var key = CustomerKey(row.GetString(nameof(OrderEntity.CustomerPhone)), row.GetString(nameof(OrderEntity.CustomerEmail)));
            foreach (var column in Removed)
            {
                row.Remove(column);
            }
            row[nameof(OrderEntity.CustomerName)] = "";
            row[nameof(OrderEntity.ContentHash)] = ErasedHash;
            row[nameof(OrderEntity.ErasedAt)] = clock.GetUtcNow();
            DeliveryCancellation.Cancel(row);
            try
            {
                await _data.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                continue; // the delivery moved on meanwhile: erase what it is now
            }
            await EraseHashOfNumberAsync(merchantId, row.GetString(nameof(OrderEntity.OrderNumber)), ct);
            return key;
        }
    }

    /// <summary>The key a customer is filed under (as <see cref="Customer.Key"/>), or null without a contact.</summary>
    public static string? CustomerKey(string? phone, string? email) => phone ?? email?.ToLowerInvariant();

    // The order number's claim holds the same content hash; a resend of the erased order is then a 409, not a match.
    private async Task EraseHashOfNumberAsync(string merchantId, string? orderNumber, CancellationToken ct)
    {
        if (orderNumber is null)
        {
            return;
        }
        var claim = new TableEntity(merchantId, RowKeys.OrderNumber(orderNumber)) { [nameof(OrderEntity.ContentHash)] = ErasedHash };
        try
        {
            await _data.UpdateEntityAsync(claim, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
