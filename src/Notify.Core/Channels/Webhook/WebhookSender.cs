using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Notify.Signing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Notify.Channels.Webhook;

/// <summary>POSTs a JSON body signed with Standard Webhooks v1 over the resilient <c>merchant-webhook</c> HttpClient.</summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, TimeProvider time, ILogger<WebhookSender> logger)
{
    /// <summary>The named HttpClient that carries webhooks, with its Polly policies.</summary>
    public const string HttpClientName = "merchant-webhook";

    /// <summary>
    /// Delivered on 2xx; Failed otherwise, permanently on a 4xx other than 408 and 429. <paramref name="id"/> is the
    /// <c>webhook-id</c>, by which the receiver drops repeats. The event carries one <c>v1,</c> signature per secret in
    /// <paramref name="secrets"/> (both live secrets during a rotation), so the receiver may verify with either. Only the
    /// status line and headers of the answer are read: the body is never buffered, whatever size the merchant's server
    /// sends. Throws only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<SendResult> SendAsync(Uri url, IReadOnlyList<string> secrets, string id, byte[] json, CancellationToken ct)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", string.Join(' ', secrets.Select(secret => StandardWebhook.Sign(secret, id, timestamp, json))));

        try
        {
            // Headers only: disposing the response drops the connection rather than draining an unbounded body.
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new SendResult(SendStatus.Delivered, id),
                >= 400 and < 500 when response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests) =>
                    new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(
                        AttemptErrors.WebhookRejected, $"Webhook refused the event permanently: HTTP {status}."), Permanent: true),
                _ => new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(AttemptErrors.WebhookFailed, $"Webhook answered HTTP {status}, after retries.")),
            };
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException)
        {
            // The reason names the address the host resolved to: the log has the host, the attempt only the code.
            logger.LogWarning("Webhook to {Host} refused: it does not resolve, or only to addresses Notify does not send to", url.Host);
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(
                AttemptErrors.WebhookAddressRefused, "The webhook's host does not resolve to an address Notify sends to."), Permanent: true);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TimeoutRejectedException
            or BrokenCircuitException or OperationCanceledException)
        {
            logger.LogWarning("Webhook to {Host} failed: {Kind}: {Reason}", url.Host, e.GetType().Name, e.Message);
            var (code, message) = e switch
            {
                BrokenCircuitException => (AttemptErrors.WebhookCircuitOpen, "Webhook circuit open after repeated failures."),
                TimeoutRejectedException or OperationCanceledException => (AttemptErrors.WebhookTimeout, "Webhook did not answer in time, after retries."),
                _ => (AttemptErrors.WebhookUnreachable, "Webhook unreachable, after retries."),
            };
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(code, message));
        }
    }
}
