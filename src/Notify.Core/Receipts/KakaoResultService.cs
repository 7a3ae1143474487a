using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Channels;
using Notify.Channels.Kakao;
using Notify.Configuration;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.Delivery.Pipeline;
using Notify.Orders;
using Notify.Storage;

namespace Notify.Receipts;

/// <summary>
/// SOLAPI's results, asked for: SOLAPI does not call back (see the README), so an accepted AlimTalk has a poll
/// deadline, and the sweep calls <see cref="PollAsync"/> when it is due. A result is applied like a Twilio receipt,
/// through the pipeline; no result yet schedules the next poll, up to the attempt's own deadline, whose expiry the
/// sweep handles as for any silent provider.
/// </summary>
public sealed class KakaoResultService(MerchantData data, SolapiClient solapi, DeliveryPipeline pipeline, DeadlineIndex deadlines, IOptions<NotifyOptions> options, TimeProvider clock, ILogger<KakaoResultService> logger)
{
    /// <summary>Asks SOLAPI for attempt <paramref name="n"/>'s result and applies it; true when the delivery moved.</summary>
    public async Task<bool> PollAsync(string merchantId, string orderId, int n, CancellationToken ct)
    {
        if (await data.FindAsync<OrderEntity>(merchantId, RowKeys.Order(orderId), ct) is not { ErasedAt: null } order)
        {
            return false;
        }
        var state = DeliveryRows.Read(order);
        if (state.IsSettled || state.Attempts.FirstOrDefault(a => a.N == n) is not
            { Channel: ChannelNames.Kakao, Status: AttemptStatus.Accepted or AttemptStatus.Unknown, DeadlineAt: { } deadline } attempt)
        {
            return false;
        }
        var key = new AttemptKey(merchantId, orderId, n);
        // A send that timed out before SOLAPI named the message is found by the attempt key it carries.
        var lookup = attempt.ProviderId is { } id
            ? await solapi.ResultAsync(id, ct)
            : KakaoPhone.National(OrderRows.ToOrder(order).Customer.Phone) is { } to
                ? await solapi.FindAsync(to, key, ct)
                : new KakaoLookup(null, "no Korean mobile number");
        var (receipt, error, recipientProblem) = lookup.Receipt switch
        {
            { Status: KakaoResultStatus.Delivered } => ("delivered", null, false),
            { Status: KakaoResultStatus.Failed } failed => ("failed", failed.Error, failed.RecipientProblem),
            _ => ((string?)null, (string?)null, false),
        };
        if (receipt is null)
        {
            if (lookup.Error is { } trouble)
            {
                logger.LogWarning("SOLAPI result of {Attempt} not read: {Error}", key, trouble);
            }
            await PollAgainAsync(merchantId, orderId, n, deadline, ct);
            return false;
        }
        var messageId = lookup.Receipt!.MessageId;
        var saved = await pipeline.RunAsync(merchantId, orderId, (context, _, current) => DeliveryMachine.ApplyReceipt(
            current.WithAttempt(n, a => a with { ProviderId = a.ProviderId ?? messageId }), n, receipt, error, context, recipientProblem), ct, known: order);
        return saved is not null;
    }

    // Pending, not listed yet, or SOLAPI could not be asked: again later, while the attempt's deadline has not passed.
    private Task PollAgainAsync(string merchantId, string orderId, int n, DateTimeOffset deadline, CancellationToken ct)
    {
        var next = DueTime.After(clock.GetUtcNow(), options.Value.KakaoPollInterval);
        return next < deadline
            ? deadlines.ScheduleAsync(DeadlineKeys.Poll(n), merchantId, orderId, next, ct)
            : Task.CompletedTask;
    }
}
