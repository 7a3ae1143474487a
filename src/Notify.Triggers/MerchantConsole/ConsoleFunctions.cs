using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notify.MerchantConsole;
using Notify.Triggers.Http;

namespace Notify.Triggers.MerchantConsole;

/// <summary><c>GET /console</c> and the files under it: the merchant console's static page, scripts and styles.</summary>
public sealed class ConsoleFunctions
{
    private static readonly ConsoleAssets Assets = ConsoleAssets.FromAssembly(typeof(ConsoleFunctions).Assembly);

    /// <summary>The console's page.</summary>
    [Function(nameof(ConsolePage))]
    public Task<IActionResult> ConsolePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest request) =>
        Task.FromResult(Serve(request, null));

    /// <summary>One of the console's files, by exact name.</summary>
    [Function(nameof(ConsoleFile))]
    public Task<IActionResult> ConsoleFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request,
        string? path) =>
        Task.FromResult(Serve(request, path));

    private static IActionResult Serve(HttpRequest request, string? path) =>
        Replies.Map(Assets.Serve(path, request.Headers.IfNoneMatch.ToString()), reply => new ConsoleFileReply(reply));
}
