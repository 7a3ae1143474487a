using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Notify.TwilioSandbox.Tests.Support;

internal static class Sms
{
    public const string Sender = "+15005550001";

    public static Task<MessageResource> SendAsync(ITwilioRestClient client, string to, string body = "Order 42 is confirmed", string? callback = null) =>
        MessageResource.CreateAsync(
            to: new PhoneNumber(to),
            from: new PhoneNumber(Sender),
            body: body,
            statusCallback: callback is null ? null : new Uri(callback),
            client: client);
}
