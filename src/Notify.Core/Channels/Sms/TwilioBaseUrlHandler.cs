using Microsoft.Extensions.Options;
using Notify.Configuration;

namespace Notify.Channels.Sms;

/// <summary>
/// Sends the Twilio SDK's requests for api.twilio.com to <see cref="TwilioOptions.BaseUrl"/> (the sandbox locally),
/// because the SDK has no base-URL setting of its own. Without a base URL it passes requests through unchanged.
/// </summary>
public sealed class TwilioBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Value.BaseUrl)
            && request.RequestUri is { } uri
            && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            var baseUrl = new Uri(options.Value.BaseUrl);
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
