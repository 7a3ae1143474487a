using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Common;
using Notify.Configuration;
using Notify.Deadlines;
using Notify.Delivery;
using Notify.FanOut;
using Notify.Merchants;
using Notify.Orders;
using Notify.Signing;
using Notify.Storage;
using Notify.Telemetry;

namespace Notify.Intake;

/// <summary>
/// Accepts a signed order: verify, validate, plan its first send when that is simple, store order + customer +
/// idempotency records in one transaction, then enqueue that send (or the fan-out). The order is durable before the
/// answer; a lost enqueue is caught by the sweep.
/// </summary>
public sealed class IntakeService(
    MerchantStore merchants,
    MerchantData data,
    DeadlineIndex deadlines,
    QueueSender queues,
    FanOutService fanOut,
    IOptions<NotifyOptions> options,
    TimeProvider clock,
    NotifyMetrics metrics,
    ILogger<IntakeService> logger)
{
    // Verifying against a throwaway secret when the merchant is unknown gives the same answers as a wrong signature.
    private static readonly string UnknownMerchantSecret = StandardWebhook.NewSecret();
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(2);
    private readonly TableClient _data = data.Table;
    private int _inFlight;

    /// <summary>Accepts the order, or says why not; a rejection writes nothing.</summary>
    public async Task<Result<IntakeReceipt>> AcceptAsync(SignedOrder request, CancellationToken ct)
    {
        // Beyond the bound an overload would push every request past storage's timeouts and retries (benchmark part 8):
        // refuse the excess at once, before it reads or writes anything.
        var limit = options.Value.IntakeConcurrency;
        if (limit > 0 && Interlocked.Increment(ref _inFlight) > limit)
        {
            Interlocked.Decrement(ref _inFlight);
            metrics.OrderRefused("busy");
            return Problem.Busy(BusyRetryAfter);
        }
        try
        {
            return await AcceptNowAsync(request, ct);
        }
        finally
        {
            if (limit > 0)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private async Task<Result<IntakeReceipt>> AcceptNowAsync(SignedOrder request, CancellationToken ct)
    {
        using var span = NotifyTelemetry.Source.StartActivity("intake");
        span?.SetTag(NotifyTelemetry.MerchantTag, request.MerchantId);
        try
        {
            var result = await VerifyAndStoreAsync(request, ct);
            if (result.Problem is { } problem)
            {
                // A refusal is the caller's error, not the service's: a tag, not an error status.
                var reason = problem.Type[(problem.Type.LastIndexOf('/') + 1)..];
                metrics.OrderRefused(reason);
                span?.SetTag("notify.refused", reason);
            }
            else
            {
                metrics.OrderAccepted();
                span?.SetTag(NotifyTelemetry.OrderTag, result.Value!.OrderId);
            }
            return result;
        }
        catch (Exception ex) when (StorageOutage.IsOutage(ex))
        {
            metrics.OrderRefused("storage-unavailable");
            span?.SetStatus(ActivityStatusCode.Error, "storage unavailable");
            throw;
        }
    }

    private async Task<Result<IntakeReceipt>> VerifyAndStoreAsync(SignedOrder request, CancellationToken ct)
    {
        var body = await BodyReader.ReadAsync(request.Body, BodyReader.OrderLimit, ct);
        if (body is null)
        {
            return Problem.TooLarge(BodyReader.OrderLimit);
        }
        if (request.WebhookId?.Length > 256 || request.WebhookId?.Any(char.IsControl) == true)
        {
            return Problem.BadRequest("webhook-id is at most 256 printable characters.");
        }
        var now = clock.GetUtcNow();
        var merchant = await merchants.FindAsync(request.MerchantId, ct);
        var verdict = Verify(merchant, request, body, now);
        if (verdict == WebhookVerdict.NoMatch && merchant is not null)
        {
            // A secret rotated on another instance is not in this instance's cached profile yet.
            merchant = await merchants.FindFreshAsync(request.MerchantId, ct);
            verdict = Verify(merchant, request, body, now);
        }
        if (verdict != WebhookVerdict.Valid)
        {
            return Problem.Unauthorized(Explain(verdict));
        }
        if (!merchant!.Active)
        {
            return Problem.Forbidden("This merchant is switched off: orders are not accepted. Reading and exporting still work.");
        }
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem.UnsupportedMediaType("Post the order as application/json.");
        }
        var submission = JsonBody.Parse<OrderSubmission>(body);
        if (submission.Problem is { } parseProblem)
        {
            return parseProblem;
        }
        var order = OrderValidator.Validate(submission.Value!, merchant.Region, now);
        if (order.Problem is { } invalid)
        {
            return invalid;
        }
        return await StoreAsync(merchant, request.WebhookId!, order.Value!, now, ct);
    }

    private async Task<Result<IntakeReceipt>> StoreAsync(Merchant merchant, string webhookId, Order order, DateTimeOffset now, CancellationToken ct)
    {
        var merchantId = merchant.Id;
        var hash = NewOrderRows.ContentHash(order);
        // No look-up first: the transaction inserts the idempotency records, so a replay or a taken order number
        // conflicts there and is answered below. New orders (nearly all) save two point reads; a replay pays a
        // deadline write and its removal instead.
        var orderId = Ids.NewTimeOrdered(now);
        // Most orders are planned here, stored planned, and their first send enqueued at once: the fan-out's hop (a
        // message, a read, three writes) is spared. The rest wait for the fan-out, as every order once did.
        var plan = await fanOut.PlanAtIntakeAsync(merchant, orderId, order.Customer, ct);
        var deadline = plan?.Effects.OfType<ScheduleDeadline>().Single()
                       ?? new ScheduleDeadline(DeadlineKeys.FanOut, DueTime.After(now, options.Value.FanOutTimeout));
        // The deadline goes first: if the transaction then fails, the sweep finds no order and drops it.
        await deadlines.ScheduleAsync(deadline.Kind, merchantId, orderId, deadline.DueAt, ct, deadline.Channel);
        try
        {
            await _data.SubmitTransactionAsync(NewOrderRows.For(merchantId, orderId, webhookId, hash, order, now, deadline.DueAt, plan?.State), ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var winner = await FindEarlierAnswerAsync(merchantId, webhookId, order.OrderNumber, hash, ct)
                         ?? throw new InvalidOperationException("Transaction conflicted but no earlier order was found.", ex);
            // The SDK retries a transaction whose answer timed out; if the first try was stored, the retry conflicts
            // with this very order. It is ours: keep its deadline and go on to enqueue it.
            if (winner.Value?.OrderId != orderId)
            {
                // An earlier or concurrent post of the same webhook or order number was stored first: answer as it was.
                await deadlines.ClearAsync(deadline.Kind, merchantId, orderId, deadline.DueAt, ct);
                return winner;
            }
        }

        await EnqueueAsync(merchantId, orderId, plan?.Effects.OfType<EnqueueSend>().Single(), ct);
        return new IntakeReceipt(orderId, IsNew: true);
    }

    private async Task<Result<IntakeReceipt>?> FindEarlierAnswerAsync(
        string merchantId, string webhookId, string orderNumber, string hash, CancellationToken ct)
    {
        var byWebhook = _data.GetEntityIfExistsAsync<IntakeRecord>(merchantId, RowKeys.Webhook(webhookId), cancellationToken: ct);
        var byNumber = _data.GetEntityIfExistsAsync<IntakeRecord>(merchantId, RowKeys.OrderNumber(orderNumber), cancellationToken: ct);
        if ((await byWebhook) is { HasValue: true } replay)
        {
            return new IntakeReceipt(replay.Value!.OrderId, IsNew: true);
        }
        if ((await byNumber) is { HasValue: true } taken)
        {
            // Read in parallel, the number's record can be seen before the webhook's: it names its webhook too.
            if (taken.Value!.WebhookId == webhookId)
            {
                return new IntakeReceipt(taken.Value.OrderId, IsNew: true);
            }
            return taken.Value.ContentHash == hash
                ? new IntakeReceipt(taken.Value.OrderId, IsNew: false)
                : Problem.Conflict($"Order number '{orderNumber}' is already taken by a different order ({taken.Value.OrderId}).");
        }
        return null;
    }

    // The planned order's first send, or the fan-out of one intake did not plan.
    private async Task EnqueueAsync(string merchantId, string orderId, EnqueueSend? first, CancellationToken ct)
    {
        try
        {
            var trace = TraceContext.Current();
            if (first is not null)
            {
                var send = new SendMessage(merchantId, orderId, first.Attempt) { Traceparent = trace.Parent, Tracestate = trace.State };
                await queues.SendAsync(DeliveryQueues.For(first.Channel), send, ct);
            }
            else
            {
                await queues.SendAsync(StorageNames.FanOutQueue, new FanOutMessage(merchantId, orderId) { Traceparent = trace.Parent, Tracestate = trace.State }, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The order is stored and its deadline is set, so it is accepted whatever went wrong here (Azure.Core reports
            // exhausted retries as an AggregateException); mark it so a reader, and the sweep, know why it waits.
            logger.LogError(ex, "Order {OrderId} of {MerchantId} stored but not enqueued; the sweep will send it", orderId, merchantId);
            await MarkEnqueueFailedAsync(merchantId, orderId, ct);
        }
    }

    private async Task MarkEnqueueFailedAsync(string merchantId, string orderId, CancellationToken ct)
    {
        try
        {
            var mark = new TableEntity(merchantId, RowKeys.Order(orderId)) { [nameof(OrderEntity.FanOut)] = FanOutStatus.EnqueueFailed.Stored() };
            await _data.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not mark order {OrderId} as not enqueued; its deadline still stands", orderId);
        }
    }

    // Any live secret may sign: the current one, and the previous one during its rotation grace period.
    private static WebhookVerdict Verify(Merchant? merchant, SignedOrder request, byte[] body, DateTimeOffset now)
    {
        var verdict = WebhookVerdict.NoMatch;
        foreach (var secret in merchant?.LiveWebhookSecrets(now) ?? [UnknownMerchantSecret])
        {
            verdict = StandardWebhook.Verify(secret, request.WebhookId, request.WebhookTimestamp, request.WebhookSignature, body, now);
            if (verdict != WebhookVerdict.NoMatch)
            {
                break;
            }
        }
        return verdict;
    }

    private static string Explain(WebhookVerdict verdict) => verdict switch
    {
        WebhookVerdict.MissingHeaders => "Sign the order with the webhook-id, webhook-timestamp and webhook-signature headers.",
        WebhookVerdict.BadTimestamp => "webhook-timestamp must be unix seconds.",
        WebhookVerdict.StaleTimestamp => "webhook-timestamp is more than 5 minutes from now.",
        _ => "No webhook-signature matched this merchant's secret.",
    };
}
