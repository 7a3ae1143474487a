using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Channels.Health;
using Notify.Triggers.Http;

namespace Notify.Triggers.Channels;

/// <summary><c>GET /api/merchants/{merchantId}/channels</c>: the state of each channel in the merchant's chain (merchant key).</summary>
public sealed class MerchantChannelsFunction(MerchantChannels channels)
{
    /// <summary>The merchant's chain, each channel with its state and since when it is not up.</summary>
    [Function(nameof(MerchantChannels))]
    public async Task<IActionResult> MerchantChannels(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/merchants/{merchantId}/channels")] HttpRequest request,
        string merchantId,
        CancellationToken ct) =>
        await Guard.RunAsync(request, async () => Replies.Map(await channels.ReadAsync(merchantId, MerchantCredentials.Of(request), ct), list => new JsonReply(200, new { channels = list })));
}
