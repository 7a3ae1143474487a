using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notify.Configuration;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Notify.Channels.Sms;

/// <summary>Sends one SMS through Twilio's Messages API with the real SDK over the resilient <c>twilio</c> HttpClient.</summary>
public sealed class SmsSender(IHttpClientFactory httpClients, IOptions<TwilioOptions> options, ILogger<SmsSender> logger)
{
    /// <summary>The named HttpClient that carries Twilio's requests, with its Polly policies.</summary>
    public const string HttpClientName = "twilio";

    /// <summary>
    /// Creates the message. Accepted with the SID and segments; Failed when Twilio refused it or could not be reached;
    /// Unknown when the request timed out and may have created a message. Throws only when <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task<SendResult> SendAsync(string to, string body, string? statusCallback, CancellationToken ct)
    {
        var twilio = options.Value;
        if (string.IsNullOrEmpty(twilio.AccountSid) || string.IsNullOrEmpty(twilio.AuthToken)
            || (string.IsNullOrEmpty(twilio.From) && string.IsNullOrEmpty(twilio.MessagingServiceSid)))
        {
            return new SendResult(SendStatus.Failed, Error: AttemptErrors.Format(
                AttemptErrors.SmsNotConfigured, "Twilio is not configured: set Twilio:AccountSid, AuthToken and From or MessagingServiceSid."));
        }

        var client = new TwilioRestClient(
            twilio.AccountSid, twilio.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var create = new CreateMessageOptions(new PhoneNumber(to))
        {
            Body = body,
            StatusCallback = statusCallback is null ? null : new Uri(statusCallback),
        };
        if (string.IsNullOrEmpty(twilio.MessagingServiceSid))
        {
            create.From = new PhoneNumber(twilio.From);
        }
        else
        {
            create.MessagingServiceSid = twilio.MessagingServiceSid;
        }

        try
        {
            // The SDK takes no cancellation token; the request itself is bounded by the HttpClient's timeout policy.
            var message = await MessageResource.CreateAsync(create, client).WaitAsync(ct);
            // Twilio's own count is what it bills; ours (the same rules) stands in when the answer has none.
            var segments = int.TryParse(message.NumSegments, out var billed) ? billed : SmsSegments.Count(body);
            return new SendResult(SendStatus.Accepted, message.Sid, Segments: segments);
        }
        catch (ApiException e)
        {
            return TwilioOutcome.Rejected(e, logger);
        }
        catch (ApiConnectionException e)
        {
            return TwilioOutcome.Unanswered(e, logger);
        }
    }
}
