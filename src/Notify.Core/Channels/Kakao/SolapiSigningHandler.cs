using Microsoft.Extensions.Options;
using Notify.Configuration;

namespace Notify.Channels.Kakao;

/// <summary>
/// Signs each request as it leaves. It sits inside the retry policy, so a retried request carries a new signature:
/// SOLAPI refuses a signature it has seen (DuplicatedSignature).
/// </summary>
public sealed class SolapiSigningHandler(IOptions<SolapiOptions> options, TimeProvider clock) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation(
            "Authorization", SolapiSignature.Header(options.Value.ApiKey, options.Value.ApiSecret, clock.GetUtcNow()));
        return base.SendAsync(request, cancellationToken);
    }
}
