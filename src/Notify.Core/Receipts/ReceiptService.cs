using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Common;
using Notify.Configuration;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Twilio.Security;

namespace Notify.Receipts;

/// <summary>Twilio's delivery receipts: verified, then applied to the attempt they name. Statuses only move forward.</summary>
public sealed class ReceiptService(DeliveryPipeline pipeline, IOptions<NotifyOptions> notify, IOptions<TwilioOptions> twilio)
{
    /// <summary>Applies the receipt; a forged or unsigned one is a 401 and changes nothing.</summary>
    public async Task<Result<bool>> ApplyAsync(TwilioReceipt receipt, CancellationToken ct)
    {
        // Twilio signs the URL it called: the public one, not whatever a proxy in front of the app forwards.
        var url = notify.Value.PublicBaseUrl.TrimEnd('/') + receipt.PathAndQuery;
        var form = receipt.Form.ToDictionary(kv => kv.Key, kv => kv.Value);
        if (receipt.Signature is null || !new RequestValidator(twilio.Value.AuthToken).Validate(url, form, receipt.Signature))
        {
            return Problem.Unauthorized("X-Twilio-Signature does not match this request.");
        }
        if (AttemptKey.Parse(receipt.Attempt) is not { } key
            || !form.TryGetValue("MessageStatus", out var status))
        {
            return false;
        }
        form.TryGetValue("ErrorCode", out var errorCode);
        var error = string.IsNullOrEmpty(errorCode) ? null : $"Twilio error {errorCode}";
        // Twilio's codes for a handset that cannot be reached, a number that does not exist, a landline: the recipient's problem.
        var recipientProblem = errorCode is "30003" or "30005" or "30006";
        var saved = await pipeline.RunAsync(key.MerchantId, key.OrderId, (context, _, state) =>
            DeliveryMachine.ApplyReceipt(state, key.Attempt, status, error, context, recipientProblem), ct);
        return saved is not null;
    }
}
