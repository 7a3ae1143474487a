using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.Channels.Health;
using Notify.Triggers.Http;

namespace Notify.Triggers.Channels;

/// <summary><c>GET /api/channels</c>: each channel's health and its outage ledger (operator key: function level, never the master key).</summary>
public sealed class ChannelsFunction(ChannelsReport report)
{
    /// <summary>The operator's view of every channel.</summary>
    [Function(nameof(Channels))]
    public async Task<IActionResult> Channels(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/channels")] HttpRequest request,
        CancellationToken ct) =>
        new JsonReply(200, new { channels = await report.ReadAsync(ct) });
}
